using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Domain.Mfa;
using Auth.Domain.Passkeys;
using Auth.Domain.Sessions;

namespace Auth.Application.Common.Authentication;

/// <summary>
/// The second step of a sign-in: the mfaToken of a proven password and a code, under the same lockout as the
/// password (the device's budget when the password came from a known device, else the email's), to a
/// <see cref="ProvenIdentity"/> of two factors. Wrong codes also wear the mfaToken out.
/// </summary>
public sealed class SecondFactorVerifier(
    MfaChallenges challenges,
    IUserRepository users,
    SecondFactor secondFactor,
    Lockout lockout,
    KnownDevices devices,
    IUnitOfWork unitOfWork,
    PasskeyAssertions passkeys,
    TimeProvider time)
{
    /// <param name="assertion">Instead of a code: a passkey's assertion answering the options issued with the mfaToken.</param>
    public async Task<Result<ProvenIdentity>> VerifyAsync(
        string mfaToken, string? code, string? recoveryCode, ClientInfo client, CancellationToken cancellationToken, string? assertion = null)
    {
        var now = time.GetUtcNow();
        var challenge = await challenges.FindUsableAsync(mfaToken, MfaChallengePurpose.SignIn, client, now, cancellationToken);
        var user = challenge is null ? null : await users.FindByIdAsync(challenge.UserId, cancellationToken);
        if (challenge is null || user is null || !user.HasMfa)
        {
            return AuthErrors.InvalidMfaToken;
        }

        var device = await devices.FindKnownAsync(challenge.DeviceId, user.Id, now, cancellationToken);
        var budget = device is null ? lockout.ForAccount(user.NormalizedEmail) : lockout.ForDevice(device.Device.Id);
        using var attempt = await lockout.BeginAsync(budget, now, cancellationToken);
        if (attempt.Refused is { } locked)
        {
            return locked;
        }

        if (assertion is not null)
        {
            var check = challenge.PasskeyOptions is { } options
                ? await passkeys.CheckAsync(options, assertion, user.Id, now, cancellationToken)
                : PasskeyCheck.Refused(user.Id, PasskeyRefusal.UnknownChallenge);
            if (check.Passkey is null)
            {
                unitOfWork.Raise(new PasskeyRefused(user.Id, PasskeyCeremony.SignIn, check.Refusal ?? PasskeyRefusal.Unverified, now));
                return await challenges.RefuseAsync(challenge, attempt, now, cancellationToken, AuthErrors.InvalidPasskey);
            }

            await attempt.ForgiveAsync(cancellationToken);
            challenge.Spend(now);
            return new ProvenIdentity(user, AuthenticationMethods.TwoFactors(challenge.FirstFactorAmr, check.Passkey.BackupEligible ? AuthenticationMethods.SoftwareKey : AuthenticationMethods.HardwareKey), device);
        }

        if (!await secondFactor.ProveAsync(user, code, recoveryCode, now, cancellationToken))
        {
            return await challenges.RefuseAsync(challenge, attempt, now, cancellationToken);
        }

        await attempt.ForgiveAsync(cancellationToken);
        challenge.Spend(now);
        return new ProvenIdentity(user, AuthenticationMethods.TwoFactors(challenge.FirstFactorAmr, AuthenticationMethods.OneTimePassword), device);
    }
}
