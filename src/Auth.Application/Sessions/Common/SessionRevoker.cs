using Auth.Application.Abstractions;
using Auth.Domain.Sessions;

namespace Auth.Application.Sessions.Common;

/// <summary>
/// Ends sessions in the unit of work. Each ended session raises <see cref="SessionEnded"/>: the commit stores its
/// revocation with it, and this instance refuses its tokens from the moment the commit returns.
/// </summary>
public sealed class SessionRevoker(ISessionRepository sessions)
{
    /// <returns>How many of <paramref name="toEnd"/> were still running.</returns>
    public static int End(IEnumerable<Session> toEnd, SessionEndReason reason, DateTimeOffset now) =>
        toEnd.Count(session => session.End(now, reason));

    /// <summary>Ends every active session of the user.</summary>
    public async Task<int> EndAllAsync(Guid userId, SessionEndReason reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        End(await sessions.ListActiveAsync(userId, now, cancellationToken), reason, now);
}
