using Auth.Application.Abstractions;
using Auth.Application.Admin.BootstrapAdmin;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Users.Common;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Users.ConfirmEmail;

public sealed class ConfirmEmailHandler(
    AccountTokens tokens,
    IUserRepository users,
    BootstrapAdminRule bootstrapAdmin,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<ConfirmEmailCommand, Result>
{
    public async ValueTask<Result> Handle(ConfirmEmailCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = await tokens.RedeemAsync(command.Token, AccountTokenPurpose.EmailConfirmation, now, cancellationToken);
        var user = token is null ? null : await users.FindByIdAsync(token.UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.InvalidAccountToken;
        }

        // A second link for an address already confirmed spends the link and raises nothing.
        user.ConfirmEmail(now);
        // The link proves the mailbox, which is what the bootstrap address waited for.
        bootstrapAdmin.TryPromote(user, now, RoleGrantGrounds.BootstrapAdminOnConfirmation);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            // Another request used the same token first.
            return saved.Error == AuthErrors.ConcurrentUpdate ? AuthErrors.InvalidAccountToken : saved;
        }

        return Result.Success;
    }
}
