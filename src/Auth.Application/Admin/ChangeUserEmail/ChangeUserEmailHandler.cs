using Auth.Application.Abstractions;
using Auth.Application.Admin.Common;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Users.Common;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Admin.ChangeUserEmail;

/// <summary>
/// Sets the account's address at once (support for someone who lost the old mailbox, so cannot follow the owner's
/// flow): the old address is told of the change, the new one is told too, with a link that confirms it, since the
/// administrator proves nothing about that mailbox. Every link mailed before dies; sessions stay.
/// </summary>
public sealed class ChangeUserEmailHandler(
    IUserRepository users,
    AccountTokens tokens,
    IAccountPolicy policy,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<ChangeUserEmailCommand, Result<AdminUserView>>
{
    private const int Attempts = 3;

    // A commit lost to another change of the account (a login's stamp check never makes it lose) is decided again.
    public async ValueTask<Result<AdminUserView>> Handle(ChangeUserEmailCommand command, CancellationToken cancellationToken) =>
        await CommitRetry.RunAsync(unitOfWork, Attempts, () => ChangeAsync(command, cancellationToken));

    private async Task<Result<AdminUserView>> ChangeAsync(ChangeUserEmailCommand command, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(command.UserId, cancellationToken) is not { } user)
        {
            return AuthErrors.UserNotFound;
        }

        var newEmail = command.Email is null ? null : Email.Normalize(command.Email);
        if (newEmail is null || newEmail == user.NormalizedEmail)
        {
            return AdminUserView.From(user);
        }

        // An administrator may learn that the address is taken; the unique index settles a race all the same.
        if (await users.EmailExistsAsync(newEmail, cancellationToken))
        {
            return AuthErrors.EmailTaken;
        }

        var now = time.GetUtcNow();
        await tokens.SpendAllAsync(user.Id, AccountTokens.AddressLinks, now, cancellationToken);
        var confirmation = tokens.Issue(user.Id, AccountTokenPurpose.EmailConfirmation, now, policy.EmailConfirmationLifetime);
        user.ChangeEmailByAdministrator(command.Email!, confirmation, policy.EmailConfirmationLifetime, now);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? AdminUserView.From(user) : saved.Error!;
    }
}
