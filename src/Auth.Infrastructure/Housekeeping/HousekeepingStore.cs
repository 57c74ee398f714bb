using Auth.Application.Abstractions;
using Auth.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Housekeeping;

/// <summary>
/// Deletes rows that only grow and that nothing live needs. Every delete names its own condition for "finished":
/// a session that is active, a token that can still be used, or the throttle of an existing account never goes.
/// </summary>
internal sealed class HousekeepingStore(AuthDbContext db, WriteGate writeGate, ILockoutPolicy lockout)
{
    public async Task<PrunedRows> PruneAsync(DateTimeOffset now, DateTimeOffset finishedBefore, CancellationToken cancellationToken)
    {
        using (await writeGate.EnterAsync(cancellationToken))
        {
            var finishedSessions = db.Sessions.Where(s => (s.EndedAt != null && s.EndedAt < finishedBefore) || s.ExpiresAt < finishedBefore);
            // Refresh tokens first: the cascade is the database's, and not every provider is asked to keep it on.
            var refreshTokens = await db.RefreshTokens
                .Where(t => finishedSessions.Any(s => s.Id == t.SessionId))
                .ExecuteDeleteAsync(cancellationToken);
            var sessions = await finishedSessions.ExecuteDeleteAsync(cancellationToken);
            var accountTokens = await db.AccountTokens
                .Where(t => (t.UsedAt != null && t.UsedAt < finishedBefore) || t.ExpiresAt < finishedBefore)
                .ExecuteDeleteAsync(cancellationToken);
            // A throttle of an address with no account protects nobody once it is idle: it goes when its last failure
            // is older than a lockout lasts (an attacker who waits that long gets a fresh budget anyway). One still
            // counting stays, or a prune would hand a guesser a fresh budget mid-count. One of an account, a device or
            // a session, or a running lockout, stays. Only email keys hold an '@' (LockoutKeys).
            var idleSince = now - lockout.Duration;
            var throttles = await db.LoginThrottles
                .Where(t => (t.LockedUntil == null || t.LockedUntil < now) && (t.LastFailureAt == null || t.LastFailureAt < idleSince)
                    && EF.Functions.Like(t.Key, "%@%") && !db.Users.Any(u => u.NormalizedEmail == t.Key))
                .ExecuteDeleteAsync(cancellationToken);
            // An mfaToken or a passkey challenge is worth nothing once it expires, used or not.
            var mfaChallenges = await db.MfaChallenges.Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
            mfaChallenges += await db.PasskeyChallenges.Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
            // So is a redirect to an external provider nobody came back from, or a sign-in code never exchanged.
            mfaChallenges += await db.ExternalAuthorizations.Where(a => a.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
            mfaChallenges += await db.ExternalSignInGrants.Where(g => g.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
            return new PrunedRows(sessions, refreshTokens, accountTokens, throttles, mfaChallenges);
        }
    }
}

internal readonly record struct PrunedRows(int Sessions, int RefreshTokens, int AccountTokens, int LoginThrottles, int MfaChallenges);
