using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Mfa.Common;
using Mediator;

namespace Auth.Application.External.UnlinkIdentity;

/// <summary>
/// Removes one of the caller's provider links, unless it is the account's last way to sign in (no password, no
/// passkey, no other link). A credential change, as removing a passkey is: the stamp moves, reset links are spent,
/// the owner is mailed. Sessions it started stay: ending them is <c>DELETE /auth/sessions/{id}</c>.
/// </summary>
public sealed class UnlinkIdentityHandler(
    IUserRepository users,
    IExternalIdentityRepository identities,
    IPasskeyRepository passkeys,
    MfaChanges changes,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<UnlinkIdentityCommand, Result>
{
    public async ValueTask<Result> Handle(UnlinkIdentityCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var links = await identities.ListForUserAsync(command.UserId, cancellationToken);
        var identity = links.FirstOrDefault(i => i.Id == command.IdentityId);
        var user = identity is null ? null : await users.FindByIdAsync(command.UserId, cancellationToken);
        if (identity is null || user is null)
        {
            return AuthErrors.IdentityNotFound;
        }

        if (!user.HasPassword && links.Count == 1 && (await passkeys.ListForUserAsync(user.Id, cancellationToken)).Count == 0)
        {
            return AuthErrors.LastSignInMethod;
        }

        identities.Remove(identity);
        user.UnlinkedExternalIdentity(identity, now);
        await changes.SpendResetLinksAsync(user, now, cancellationToken);
        return await unitOfWork.SaveChangesAsync(cancellationToken);
    }
}
