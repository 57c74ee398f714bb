using Auth.Application.Abstractions;
using Auth.Domain.Sessions;

namespace Auth.Application.Sessions.Common;

/// <summary>
/// Ends sessions in the unit of work. Each ended session raises <see cref="SessionEnded"/>: the commit stores its
/// revocation with it, and this instance refuses its tokens from the moment the commit returns.
/// </summary>
public sealed class SessionRevoker(ISessionRepository sessions, IUserRepository users, IUnitOfWork unitOfWork)
{
    /// <returns>How many of <paramref name="toEnd"/> were still running.</returns>
    public static int End(IEnumerable<Session> toEnd, SessionEndReason reason, DateTimeOffset now) =>
        toEnd.Count(session => session.End(now, reason));

    /// <summary>Ends every active session of the user.</summary>
    public async Task<int> EndAllAsync(Guid userId, SessionEndReason reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        End(await sessions.ListActiveAsync(userId, now, cancellationToken), reason, now);

    /// <summary>
    /// Has the next commit end every session of the user active at that moment (but <paramref name="keep"/>), for a
    /// change that drew a new security stamp. The sessions are listed inside the commit's transaction with the user's
    /// row held: a login racing the change either committed before (and is listed) or waits and then fails on the
    /// stamp. So the change and the end of every session checked against the old account state commit together.
    /// </summary>
    public void EndAllOnCommit(Guid userId, SessionEndReason reason, DateTimeOffset now, Guid? keep = null) =>
        unitOfWork.InsideCommit(async cancellationToken =>
        {
            await users.HoldAsync(userId, cancellationToken);
            End((await sessions.ListActiveAsync(userId, now, cancellationToken)).Where(s => s.Id != keep), reason, now);
        });
}
