using Auth.Application.Abstractions;
using Auth.Domain.Sessions;

namespace Auth.Application.Sessions.Common;

/// <summary>
/// Keeps an account within <see cref="IAccountPolicy.MaxSessionsPerUser"/>: a script that logs in in a loop cannot
/// grow its session table (and every listing and revocation sweep over it) without bound. The least recently used
/// sessions make room, since the owner is least likely to be using them.
/// </summary>
public sealed class SessionLimit(ISessionRepository sessions, IAccountPolicy policy, ITokenLifetimes lifetimes)
{
    /// <summary>Ends, in the unit of work, as many of the user's sessions as one more would exceed the limit by.</summary>
    /// <remarks>
    /// Two sign-ins committing at the same moment can each make room for one and leave the account one over; the
    /// next sign-in brings it back. That is the price of not serialising every login of an account.
    /// </remarks>
    public async Task MakeRoomAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var running = (await sessions.ListActiveAsync(userId, now, cancellationToken))
            .Where(s => s.IsActive(now, lifetimes.RefreshTokenIdle))
            .ToList();
        var excess = running.Count + 1 - policy.MaxSessionsPerUser;
        if (excess > 0)
        {
            SessionRevoker.End(running.OrderBy(s => s.LastUsedAt).ThenBy(s => s.CreatedAt).Take(excess), SessionEndReason.SessionLimit, now);
        }
    }
}
