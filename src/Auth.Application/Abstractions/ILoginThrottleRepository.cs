using Auth.Domain.Users;

namespace Auth.Application.Abstractions;

public interface ILoginThrottleRepository
{
    /// <summary>The counter as the database holds it now, tracked for an update (never a copy read earlier).</summary>
    Task<LoginThrottle?> FindAsync(string normalizedEmail, CancellationToken cancellationToken);

    void Add(LoginThrottle throttle);
}
