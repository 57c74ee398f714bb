using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Users.Common;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Users.ResendConfirmation;

/// <summary>Sends a fresh confirmation mail; earlier links keep working until they expire. Nothing is sent once confirmed.</summary>
public sealed class ResendConfirmationHandler(
    IUserRepository users,
    AccountTokens tokens,
    IAccountPolicy policy,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<ResendConfirmationCommand, Result>
{
    public async ValueTask<Result> Handle(ResendConfirmationCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.InvalidToken;
        }

        if (user.EmailConfirmed)
        {
            return Result.Success;
        }

        var now = time.GetUtcNow();
        var token = tokens.Issue(user.Id, AccountTokenPurpose.EmailConfirmation, now, policy.EmailConfirmationLifetime);
        user.RequestEmailConfirmation(token, policy.EmailConfirmationLifetime, now);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved;
        }

        return Result.Success;
    }
}
