using Auth.Application.Abstractions;
using Auth.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence.Repositories;

internal sealed class LoginThrottleRepository(AuthDbContext db) : ILoginThrottleRepository
{
    public Task<LoginThrottle?> FindAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        db.LoginThrottles.FirstOrDefaultAsync(t => t.NormalizedEmail == normalizedEmail, cancellationToken);

    public void Add(LoginThrottle throttle) => db.LoginThrottles.Add(throttle);
}
