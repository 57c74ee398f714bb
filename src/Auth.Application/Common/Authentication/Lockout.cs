using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Domain.Users;

namespace Auth.Application.Common.Authentication;

/// <summary>
/// The lockout around every password check (login, re-authentication). An attempt is counted as a failure before
/// the password is verified and forgiven once it proves right, so parallel guesses cannot all slip in while the
/// counter is still low; the counting is the database's atomic statement (<see cref="ILoginThrottleStore"/>), and
/// within this instance a budget's attempts take turns (<see cref="AttemptTurns"/>), so correct ones never trip it.
/// </summary>
public sealed class Lockout(ILoginThrottleStore store, ILockoutPolicy policy, AttemptTurns turns)
{
    /// <summary>The budget every client the account does not know shares.</summary>
    public LockoutBudget ForAccount(string normalizedEmail) => new(LockoutKeys.Account(normalizedEmail), policy.MaxFailures);

    /// <summary>A known device's own budget: failures elsewhere do not touch it.</summary>
    public LockoutBudget ForDevice(Guid deviceId) => new(LockoutKeys.Device(deviceId), policy.DeviceMaxFailures);

    /// <summary>Re-authentication inside a session: a stolen token's guesses cannot lock the owner's sign-in.</summary>
    public LockoutBudget ForSession(Guid sessionId) => new(LockoutKeys.Session(sessionId), policy.MaxFailures);

    /// <summary>
    /// Waits for the budget's turn, then refuses the attempt while the budget is locked or counts it, committed,
    /// before any password is checked. Dispose the attempt when the password check is over.
    /// </summary>
    public async Task<LockoutAttempt> BeginAsync(LockoutBudget budget, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var turn = await turns.EnterAsync(budget.Key, cancellationToken);
        try
        {
            var count = await store.CountFailureAsync(budget.Key, now, budget.MaxFailures, policy.Duration, cancellationToken);
            var refused = count.LockedUntil is { } until ? AuthErrors.TooManyAttempts(until - now) : null;
            return new LockoutAttempt(store, budget.Key, turn, refused, count.LockStarted);
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    /// <summary>Clears a budget outside any attempt (a password reset proves the owner).</summary>
    public Task ForgiveAsync(LockoutBudget budget, CancellationToken cancellationToken) => store.ForgiveAsync(budget.Key, cancellationToken);
}

/// <param name="MaxFailures">Consecutive failures that lock it.</param>
public sealed record LockoutBudget(string Key, int MaxFailures);

/// <summary>One counted password attempt, holding its budget's turn until disposed.</summary>
public sealed class LockoutAttempt(ILoginThrottleStore store, string key, IDisposable turn, Error? refused, bool lockStarted) : IDisposable
{
    /// <summary>Set when the budget is locked: answer it without checking the password.</summary>
    public Error? Refused { get; } = refused;

    /// <summary>This attempt used up the budget; if its password is wrong, the budget is now locked.</summary>
    public bool LockStarted { get; } = lockStarted;

    /// <summary>The password proved right: the failure counted for it, and any before it, are forgiven.</summary>
    public Task ForgiveAsync(CancellationToken cancellationToken) => store.ForgiveAsync(key, cancellationToken);

    /// <summary>
    /// Proved right but only half the proof (a password before its second factor): this attempt's failure is taken
    /// back, the ones before it stay, so wrong codes add up across sign-ins until a code proves right.
    /// </summary>
    public Task WithdrawAsync(CancellationToken cancellationToken) => store.WithdrawAsync(key, LockStarted, cancellationToken);

    public void Dispose() => turn.Dispose();
}
