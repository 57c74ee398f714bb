using Auth.Domain.Users;

namespace Auth.Application.Abstractions;

public interface ILoginThrottleRepository
{
    Task<LoginThrottle?> FindAsync(string normalizedEmail, CancellationToken cancellationToken);

    void Add(LoginThrottle throttle);
}
