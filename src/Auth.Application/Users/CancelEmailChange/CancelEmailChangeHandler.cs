using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Users.Common;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Users.CancelEmailChange;

/// <summary>The cancel link of the notice sent to the current address: the pending change's links stop working.</summary>
public sealed class CancelEmailChangeHandler(
    AccountTokens tokens,
    IUserRepository users,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<CancelEmailChangeCommand, Result>
{
    public async ValueTask<Result> Handle(CancelEmailChangeCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = await tokens.RedeemAsync(command.Token, AccountTokenPurpose.EmailChangeCancel, now, cancellationToken);
        var user = token is null ? null : await users.FindByIdAsync(token.UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.InvalidAccountToken;
        }

        await tokens.SpendAllAsync(user.Id, AccountTokenPurpose.EmailChange, now, cancellationToken);
        user.CancelEmailChange(now);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        // Losing means the link was spent meanwhile: the change was confirmed, replaced or cancelled twice at once.
        return saved.Error == AuthErrors.ConcurrentUpdate ? AuthErrors.InvalidAccountToken : saved;
    }
}
