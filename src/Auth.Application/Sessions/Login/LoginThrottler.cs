using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Domain.Users;

namespace Auth.Application.Sessions.Login;

/// <summary>
/// The per-email lockout around a login. Each change is committed on its own and retried when a concurrent
/// login changed the same counter, so parallel failures all count.
/// </summary>
public sealed class LoginThrottler(ILoginThrottleRepository throttles, ILockoutPolicy policy, IUnitOfWork unitOfWork)
{
    private const int Attempts = 5;

    public async Task<Error?> CheckAsync(string normalizedEmail, DateTimeOffset now, CancellationToken cancellationToken) =>
        await throttles.FindAsync(normalizedEmail, cancellationToken) is { LockedUntil: { } until } throttle && throttle.IsLocked(now)
            ? AuthErrors.TooManyAttempts(until - now)
            : null;

    /// <returns>True when this failure started a lockout.</returns>
    public Task<bool> RecordFailureAsync(string normalizedEmail, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync(normalizedEmail, create: true, t => t.RecordFailure(now, policy.MaxFailures, policy.Duration), cancellationToken);

    public Task ResetAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        UpdateAsync(normalizedEmail, create: false, t =>
        {
            t.Reset();
            return false;
        }, cancellationToken);

    private async Task<bool> UpdateAsync(string normalizedEmail, bool create, Func<LoginThrottle, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var throttle = await throttles.FindAsync(normalizedEmail, cancellationToken);
            if (throttle is null)
            {
                if (!create)
                {
                    return false;
                }

                throttle = LoginThrottle.For(normalizedEmail);
                throttles.Add(throttle);
            }
            else if (!create && throttle.Failures == 0)
            {
                return false;
            }

            var outcome = change(throttle);
            var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
            if (saved.IsSuccess)
            {
                return outcome;
            }

            unitOfWork.Reset();
            if (saved.Error != AuthErrors.ConcurrentUpdate || attempt == Attempts)
            {
                throw new InvalidOperationException($"Updating the login throttle failed: {saved.Error!.Code}.");
            }
        }
    }
}
