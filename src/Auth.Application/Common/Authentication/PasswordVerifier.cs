using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Domain.Sessions;
using Auth.Domain.Users;

namespace Auth.Application.Common.Authentication;

/// <summary>
/// The password verifier: email and password, under the lockout, to a <see cref="ProvenIdentity"/>. A client
/// presenting the token of a device known to the account spends that device's own budget; every other client
/// spends the email's shared one, so an attacker's failures lock out only clients the account does not know.
/// </summary>
public sealed class PasswordVerifier(
    IUserRepository users,
    IPasswordHasher passwordHasher,
    Lockout lockout,
    KnownDevices devices,
    IUnitOfWork unitOfWork,
    TimeProvider time)
{
    /// <returns>The identity, or <c>invalid_credentials</c> / <c>too_many_attempts</c>, which say nothing about the account.</returns>
    public async Task<Result<ProvenIdentity>> VerifyAsync(
        string email, string password, string? deviceToken, ClientInfo client, CancellationToken cancellationToken)
    {
        var normalizedEmail = Email.Normalize(email);
        var now = time.GetUtcNow();
        // Both lookups run for known and unknown emails alike, so their cost tells nothing either.
        var presented = await devices.FindAsync(deviceToken, cancellationToken);
        var user = await users.FindByEmailAsync(normalizedEmail, cancellationToken);
        var known = presented is not null && user is not null && presented.Device.IsKnownTo(user.Id, now) ? presented : null;

        var budget = known is null ? lockout.ForAccount(normalizedEmail) : lockout.ForDevice(known.Device.Id);
        using var attempt = await lockout.BeginAsync(budget, now, cancellationToken);
        if (attempt.Refused is { } locked)
        {
            return locked;
        }

        // Unknown accounts, and accounts without a password, are verified against a dummy hash so every failure costs the same time.
        var verification = await passwordHasher.VerifyAsync(user is { HasPassword: true } ? user.PasswordHash : null, password, cancellationToken);
        if (user is null || !user.HasPassword || verification == PasswordVerification.Failed)
        {
            // The attempt was counted before the check; a wrong password leaves it counted.
            unitOfWork.Raise(new LoginFailed(user?.Id, now));
            if (attempt.LockStarted)
            {
                unitOfWork.Raise(new LockedOut(user?.Id, now));
            }

            var recorded = await unitOfWork.SaveChangesAsync(cancellationToken);
            return recorded.IsSuccess ? AuthErrors.InvalidCredentials : recorded.Error!;
        }

        // With a second factor the password is half the proof: it takes back its own failure but leaves the earlier
        // ones, so wrong codes add up across sign-ins; only a code that proves right clears the budget.
        await (user.HasMfa ? attempt.WithdrawAsync(cancellationToken) : attempt.ForgiveAsync(cancellationToken));

        if (verification == PasswordVerification.SucceededRehashNeeded)
        {
            user.UpgradePasswordHash(await passwordHasher.HashAsync(password, cancellationToken), time.GetUtcNow());
        }

        return new ProvenIdentity(user, [ProvenIdentity.Password], known);
    }
}
