using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Users.Common;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Users.ResendConfirmation;

/// <summary>
/// Sends a fresh confirmation mail; earlier links keep working until they expire. Nothing is sent once confirmed, and
/// at most <see cref="IAccountPolicy.ConfirmationMailsPerHour"/> an hour, so a signed-in client cannot mail-bomb an
/// address it signed up with.
/// </summary>
public sealed class ResendConfirmationHandler(
    IUserRepository users,
    AccountTokens tokens,
    IAccountTokenRepository tokenRepository,
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
        var window = TimeSpan.FromHours(1);
        var sent = (await tokenRepository.ListIssuedSinceAsync(user.Id, AccountTokenPurpose.EmailConfirmation, now - window, cancellationToken)).Order().ToList();
        if (sent.Count >= policy.ConfirmationMailsPerHour)
        {
            // The next mail is allowed once enough of the counted ones have left the window (each counted one is
            // younger than the window, so this is never zero).
            return AuthErrors.ConfirmationMailLimit(sent[sent.Count - policy.ConfirmationMailsPerHour] + window - now);
        }

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
