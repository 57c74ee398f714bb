using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Mfa.Common;
using Mediator;

namespace Auth.Application.Passkeys.RemovePasskey;

/// <summary>
/// Removes one of the caller's passkeys, unless it is the account's last way to sign in. A credential change: the
/// stamp moves (a sign-in with this passkey racing the removal cannot start a session), reset links are spent, and
/// the owner is mailed. Sessions it started stay: ending them is <c>DELETE /auth/sessions/{id}</c>.
/// </summary>
public sealed class RemovePasskeyHandler(
    IUserRepository users,
    IPasskeyRepository passkeys,
    IExternalIdentityRepository identities,
    MfaChanges changes,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<RemovePasskeyCommand, Result>
{
    public async ValueTask<Result> Handle(RemovePasskeyCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var passkey = await passkeys.FindAsync(command.UserId, command.PasskeyId, cancellationToken);
        var user = passkey is null ? null : await users.FindByIdAsync(command.UserId, cancellationToken);
        if (passkey is null || user is null)
        {
            return AuthErrors.PasskeyNotFound;
        }

        if (!user.HasPassword && (await passkeys.ListForUserAsync(user.Id, cancellationToken)).Count == 1
            && (await identities.ListForUserAsync(user.Id, cancellationToken)).Count == 0)
        {
            return AuthErrors.LastSignInMethod;
        }

        passkeys.Remove(passkey);
        user.RemovedPasskey(passkey, now);
        await changes.SpendResetLinksAsync(user, now, cancellationToken);
        return await unitOfWork.SaveChangesAsync(cancellationToken);
    }
}
