using Auth.Application.Abstractions;
using Auth.Application.Admin.BootstrapAdmin;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Users.Common;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Users.ConfirmEmailChange;

/// <summary>
/// The link mailed to the new address proves that mailbox: the account switches to it, confirmed, and every link
/// mailed before (resets, confirmations, other changes) dies. Sessions stay; their next tokens carry the new address.
/// </summary>
public sealed class ConfirmEmailChangeHandler(
    AccountTokens tokens,
    IUserRepository users,
    BootstrapAdminRule bootstrapAdmin,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<ConfirmEmailChangeCommand, Result>
{
    private const int Attempts = 2;

    public async ValueTask<Result> Handle(ConfirmEmailChangeCommand command, CancellationToken cancellationToken)
    {
        // A commit lost to another change of the account (a password change, a new request) is decided once more:
        // if that change spent this link, the answer is the bad link's.
        var result = await CommitRetry.RunAsync(unitOfWork, Attempts, () => ConfirmAsync(command, cancellationToken));
        return result.Error == AuthErrors.ConcurrentUpdate ? AuthErrors.InvalidAccountToken : result;
    }

    private async Task<Result> ConfirmAsync(ConfirmEmailChangeCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = await tokens.RedeemAsync(command.Token, AccountTokenPurpose.EmailChange, now, cancellationToken);
        var user = token is null ? null : await users.FindByIdAsync(token.UserId, cancellationToken);
        // A disabled account's pending change waits: it may be why an administrator disabled it.
        if (user is null || user.IsDisabled || token!.Email is not { } newEmail)
        {
            return AuthErrors.InvalidAccountToken;
        }

        await tokens.SpendAllAsync(user.Id, AccountTokens.AddressLinks, now, cancellationToken);
        user.ChangeEmail(newEmail, now);
        // The link proves the mailbox, as a signup's confirmation does, which is what the bootstrap address waits for.
        bootstrapAdmin.TryPromote(user, now, RoleGrantGrounds.BootstrapAdminOnConfirmation);
        // The unique index settles a race with a signup or another account's change to the address: 409 email_taken.
        return await unitOfWork.SaveChangesAsync(cancellationToken);
    }
}
