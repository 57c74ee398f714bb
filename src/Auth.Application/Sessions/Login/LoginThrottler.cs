using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Domain.Users;

namespace Auth.Application.Sessions.Login;

/// <summary>
/// The per-email lockout around every password check (login, password change, account delete). An attempt is
/// counted as a failure before the password is verified and forgiven once it proves right, so parallel guesses
/// cannot all slip in while the counter is still low. Each change is committed on its own and retried when a
/// concurrent attempt changed the same counter; within this instance, updates of one email's counter take turns.
/// </summary>
public sealed class LoginThrottler(ILoginThrottleRepository throttles, ILockoutPolicy policy, IUnitOfWork unitOfWork, PerEmailTurns turns)
{
    private const int Attempts = 5;

    /// <summary>
    /// Refuses the attempt while the email is locked out; otherwise counts it, committed, before any password is
    /// checked. Call <see cref="ResetAsync"/> when the password proves right.
    /// </summary>
    /// <remarks>A retry clears the unit of work: reload anything read before this call.</remarks>
    public async Task<AttemptStart> BeginAttemptAsync(string normalizedEmail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Error? refused = null;
        var lockStarted = await UpdateAsync(normalizedEmail, create: true, throttle =>
        {
            if (throttle.LockedUntil is { } until && throttle.IsLocked(now))
            {
                refused = AuthErrors.TooManyAttempts(until - now);
                return null;
            }

            refused = null;
            return throttle.RecordFailure(now, policy.MaxFailures, policy.Duration);
        }, cancellationToken);
        return new AttemptStart(refused, lockStarted);
    }

    public Task ResetAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        UpdateAsync(normalizedEmail, create: false, t =>
        {
            if (t.Failures == 0)
            {
                return null;
            }

            t.Reset();
            return false;
        }, cancellationToken);

    /// <param name="change">Returns null to leave the row as it is (nothing is written).</param>
    private async Task<bool> UpdateAsync(string normalizedEmail, bool create, Func<LoginThrottle, bool?> change, CancellationToken cancellationToken)
    {
        using var turn = await turns.EnterAsync(normalizedEmail, cancellationToken);
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

            if (change(throttle) is not { } outcome)
            {
                return false;
            }

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

/// <param name="Refused">Set when the email is locked out: answer it without checking the password.</param>
/// <param name="LockStarted">This attempt used up the budget; if its password is wrong, the email is now locked.</param>
public sealed record AttemptStart(Error? Refused, bool LockStarted);
