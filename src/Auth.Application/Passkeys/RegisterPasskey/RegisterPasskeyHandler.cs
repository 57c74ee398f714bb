using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Mfa.Common;
using Auth.Application.Passkeys.Common;
using Auth.Domain.Passkeys;
using Mediator;

namespace Auth.Application.Passkeys.RegisterPasskey;

/// <summary>
/// Finishes adding a passkey: the user's open registration challenge is taken (once), the library verifies the
/// attestation against it, and the new credential is stored. A credential change: outstanding reset links are spent,
/// and the owner is mailed.
/// </summary>
public sealed class RegisterPasskeyHandler(
    IUserRepository users,
    IPasskeyRepository passkeys,
    IPasskeyChallengeStore challenges,
    IWebAuthn webAuthn,
    MfaChanges changes,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<RegisterPasskeyCommand, Result<PasskeyView>>
{
    public async ValueTask<Result<PasskeyView>> Handle(RegisterPasskeyCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.InvalidToken;
        }

        var challenge = await challenges.TakeRegistrationAsync(user.Id, now, cancellationToken);
        if (challenge is null)
        {
            return await RefuseAsync(user.Id, PasskeyRefusal.UnknownChallenge, now, cancellationToken);
        }

        var credential = await webAuthn.VerifyAttestationAsync(challenge.Options, command.Attestation, cancellationToken);
        if (credential is null)
        {
            return await RefuseAsync(user.Id, PasskeyRefusal.Unverified, now, cancellationToken);
        }

        if (await passkeys.FindByCredentialIdAsync(credential.CredentialId, cancellationToken) is not null)
        {
            return await RefuseAsync(user.Id, PasskeyRefusal.AlreadyRegistered, now, cancellationToken);
        }

        var passkey = Passkey.Register(user.Id, credential, command.Name, now);
        passkeys.Add(passkey);
        user.AddedPasskey(passkey, now);
        await changes.SpendResetLinksAsync(user, now, cancellationToken);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? PasskeyView.Of(passkey) : saved.Error!;
    }

    private async Task<Error> RefuseAsync(Guid userId, PasskeyRefusal reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        unitOfWork.Raise(new PasskeyRefused(userId, PasskeyCeremony.Registration, reason, now));
        var recorded = await unitOfWork.SaveChangesAsync(cancellationToken);
        return recorded.IsSuccess ? AuthErrors.InvalidAttestation : recorded.Error!;
    }
}
