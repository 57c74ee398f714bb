using Auth.Application.Abstractions;
using Auth.Domain.Sessions;

namespace Auth.Application.Sessions.Common;

/// <summary>
/// Ends sessions in the unit of work. Each ended session raises <see cref="SessionEnded"/>: the commit stores its
/// revocation with it, and this instance refuses its tokens from the moment the commit returns.
/// </summary>
public sealed class SessionRevoker(ISessionRepository sessions, IUnitOfWork unitOfWork)
{
    /// <returns>How many of <paramref name="toEnd"/> were still running.</returns>
    public static int End(IEnumerable<Session> toEnd, SessionEndReason reason, DateTimeOffset now) =>
        toEnd.Count(session => session.End(now, reason));

    /// <summary>Ends every active session of the user.</summary>
    public async Task<int> EndAllAsync(Guid userId, SessionEndReason reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        End(await sessions.ListActiveAsync(userId, now, cancellationToken), reason, now);

    /// <summary>
    /// Call after committing a change that drew a new security stamp: a login that committed its session while the
    /// change was being made (after this request listed the sessions) is ended now. None can commit later, since a
    /// session only starts against the stamp it was checked with.
    /// </summary>
    public async Task SweepAsync(Guid userId, SessionEndReason reason, DateTimeOffset now, Guid? keep, CancellationToken cancellationToken)
    {
        var late = (await sessions.ListActiveAsync(userId, now, cancellationToken)).Where(s => s.Id != keep);
        if (End(late, reason, now) > 0)
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
    }
}
