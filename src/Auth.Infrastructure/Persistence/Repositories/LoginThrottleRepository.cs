using Auth.Application.Abstractions;
using Auth.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence.Repositories;

internal sealed class LoginThrottleRepository(AuthDbContext db) : ILoginThrottleRepository
{
    public Task<LoginThrottle?> FindAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        // A tracking query returns an entity this context already tracks as it was, not as the row is now: a login
        // that counted its attempt, waited for its hash and then forgave it would save a stale version and lose
        // the optimistic check to every attempt made meanwhile. The counter is always read afresh.
        foreach (var entry in db.ChangeTracker.Entries<LoginThrottle>().Where(e => e.Entity.NormalizedEmail == normalizedEmail).ToList())
        {
            entry.State = EntityState.Detached;
        }

        return db.LoginThrottles.FirstOrDefaultAsync(t => t.NormalizedEmail == normalizedEmail, cancellationToken);
    }

    public void Add(LoginThrottle throttle) => db.LoginThrottles.Add(throttle);
}
