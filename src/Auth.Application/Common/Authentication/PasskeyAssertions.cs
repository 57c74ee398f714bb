using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Domain.Passkeys;

namespace Auth.Application.Common.Authentication;

/// <summary>
/// Checks a passkey's assertion against the options it answers: the credential is registered (to the expected
/// account, when one is expected), the library verifies origin, RP id, challenge, flags and signature, the backup
/// eligibility is the one registered, and the counter moves as <see cref="Passkey.AcceptsCounter"/> says. A
/// verified passkey records its use in the unit of work.
/// </summary>
public sealed class PasskeyAssertions(IPasskeyRepository passkeys, IWebAuthn webAuthn, IUnitOfWork unitOfWork)
{
    public async Task<PasskeyCheck> CheckAsync(string options, string assertion, Guid? expectedUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (webAuthn.Read(assertion) is not { } presented)
        {
            return PasskeyCheck.Refused(expectedUserId, PasskeyRefusal.Unverified);
        }

        var passkey = await passkeys.FindByCredentialIdAsync(presented.CredentialId, cancellationToken);
        if (passkey is null || (expectedUserId is { } expected && passkey.UserId != expected)
            || (presented.UserHandle is { } handle && !IsHandleOf(handle, passkey.UserId)))
        {
            // An email that named no account narrows to Guid.Empty: the refusal then belongs to no one.
            var whose = passkey?.UserId ?? (expectedUserId == Guid.Empty ? null : expectedUserId);
            return PasskeyCheck.Refused(whose, PasskeyRefusal.UnknownCredential);
        }

        var verified = await webAuthn.VerifyAssertionAsync(options, assertion, passkey, cancellationToken);
        if (verified is null || verified.BackupEligible != passkey.BackupEligible)
        {
            return PasskeyCheck.Refused(passkey.UserId, PasskeyRefusal.Unverified);
        }

        if (!passkey.AcceptsCounter(verified.SignCount))
        {
            return PasskeyCheck.Refused(passkey.UserId, PasskeyRefusal.CounterRegressed);
        }

        passkey.Used(verified.SignCount, verified.BackedUp, now);
        return new PasskeyCheck(passkey, passkey.UserId, null);
    }

    /// <summary>Records the refusal (committed now, whatever the request's answer) and answers <c>invalid_passkey</c>.</summary>
    public async Task<Error> RefuseAsync(PasskeyCheck check, PasskeyCeremony ceremony, DateTimeOffset now, CancellationToken cancellationToken)
    {
        unitOfWork.Raise(new PasskeyRefused(check.UserId, ceremony, check.Refusal ?? PasskeyRefusal.Unverified, now));
        var recorded = await unitOfWork.SaveChangesAsync(cancellationToken);
        return recorded.IsSuccess ? AuthErrors.InvalidPasskey : recorded.Error!;
    }

    /// <summary>The user handle is the account id's 16 bytes (see the creation options).</summary>
    public static byte[] UserHandle(Guid userId) => userId.ToByteArray();

    private static bool IsHandleOf(byte[] handle, Guid userId) => handle.Length == 16 && new Guid(handle) == userId;
}

/// <summary>A verified passkey, or why it was refused (and whose it was, when known).</summary>
public sealed record PasskeyCheck(Passkey? Passkey, Guid? UserId, PasskeyRefusal? Refusal)
{
    public static PasskeyCheck Refused(Guid? userId, PasskeyRefusal refusal) => new(null, userId, refusal);
}
