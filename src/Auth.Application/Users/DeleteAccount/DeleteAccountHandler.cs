using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Common;
using Auth.Application.Sessions.Login;
using Auth.Domain.Sessions;
using Mediator;

namespace Auth.Application.Users.DeleteAccount;

/// <summary>
/// Deletes the account after proving the password. Every session ends first: the revocations outlive the
/// deleted rows, so no token of the account works again, and the email is free to sign up anew.
/// </summary>
public sealed class DeleteAccountHandler(
    IUserRepository users,
    IPasswordHasher passwordHasher,
    SessionRevoker revoker,
    LoginThrottler throttler,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<DeleteAccountCommand, Result>
{
    public async ValueTask<Result> Handle(DeleteAccountCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.InvalidToken;
        }

        // Proving the password here is as good as a login to a guesser holding a stolen token: same lockout.
        var attempt = await throttler.BeginAttemptAsync(user.NormalizedEmail, time.GetUtcNow(), cancellationToken);
        if (attempt.Refused is { } locked)
        {
            return locked;
        }

        user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.InvalidToken;
        }

        if (await passwordHasher.VerifyAsync(user.PasswordHash, command.Password, cancellationToken) == PasswordVerification.Failed)
        {
            return AuthErrors.WrongPassword;
        }

        var now = time.GetUtcNow();
        await revoker.EndAllAsync(user.Id, SessionEndReason.AccountDeleted, now, cancellationToken);
        user.Delete(now);
        users.Remove(user);

        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved;
        }

        await throttler.ResetAsync(user.NormalizedEmail, cancellationToken);
        return Result.Success;
    }
}
