using Auth.Application.Abstractions;
using Auth.Application.Common.Authentication;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Common;
using Auth.Domain.Sessions;
using Mediator;

namespace Auth.Application.Users.DeleteAccount;

/// <summary>
/// Deletes the account after proving the password. Every session ends first: the revocations outlive the
/// deleted rows, so no token of the account works again, and the email is free to sign up anew.
/// </summary>
public sealed class DeleteAccountHandler(
    IUserRepository users,
    SessionRevoker revoker,
    ReAuthentication reAuthentication,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<DeleteAccountCommand, Result>
{
    public async ValueTask<Result> Handle(DeleteAccountCommand command, CancellationToken cancellationToken)
    {
        var verified = await reAuthentication.VerifyAsync(command.UserId, command.SessionId, command.Password, cancellationToken);
        if (!verified.IsSuccess)
        {
            return verified;
        }

        var user = verified.Value;
        var now = time.GetUtcNow();
        // First close the account to new sessions, then list the ones to end: a login racing the delete either
        // committed before the stamp changed (and is listed) or fails its commit. The deleted rows take the
        // sessions with them, so only the revocations tell their access tokens apart.
        user.RotateSecurityStamp(now);
        var closed = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!closed.IsSuccess)
        {
            return closed;
        }

        await revoker.EndAllAsync(user.Id, SessionEndReason.AccountDeleted, now, cancellationToken);
        user.Delete(now);
        users.Remove(user);

        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved;
        }

        return Result.Success;
    }
}
