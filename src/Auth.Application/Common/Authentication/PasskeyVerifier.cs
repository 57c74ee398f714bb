using Auth.Application.Abstractions;
using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Domain.Passkeys;
using Auth.Domain.Sessions;

namespace Auth.Application.Common.Authentication;

/// <summary>
/// The passkey verifier: a sign-in challenge, taken once, and the assertion answering it, to a
/// <see cref="ProvenIdentity"/> (<c>hwk</c> or <c>swk</c>, and <c>mfa</c>: the authenticator verified the user).
/// No lockout budget is spent or checked: an assertion cannot be guessed, so an attacker who locked the account's
/// password sign-in by guessing cannot lock its owner's passkey out too.
/// </summary>
public sealed class PasskeyVerifier(
    IPasskeyChallengeStore challenges,
    PasskeyAssertions assertions,
    IUserRepository users,
    KnownDevices devices,
    TimeProvider time)
{
    /// <returns>The identity, or <c>invalid_passkey</c> whatever the reason (which the audit trail keeps).</returns>
    public async Task<Result<ProvenIdentity>> VerifyAsync(
        Guid challengeId, string assertion, string? deviceToken, ClientInfo client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var challenge = await challenges.TakeAsync(challengeId, PasskeyCeremony.SignIn, now, cancellationToken);
        var check = challenge is null
            ? PasskeyCheck.Refused(null, PasskeyRefusal.UnknownChallenge)
            : await assertions.CheckAsync(challenge.Options, assertion, challenge.UserId, now, cancellationToken);
        var user = check.Passkey is { } passkey ? await users.FindByIdAsync(passkey.UserId, cancellationToken) : null;
        if (check.Passkey is null || user is null)
        {
            return await assertions.RefuseAsync(check, PasskeyCeremony.SignIn, now, cancellationToken);
        }

        var known = await devices.FindKnownAsync(deviceToken, user.Id, now, cancellationToken);
        return new ProvenIdentity(user, AuthenticationMethods.Passkey(check.Passkey.BackupEligible), known);
    }
}
