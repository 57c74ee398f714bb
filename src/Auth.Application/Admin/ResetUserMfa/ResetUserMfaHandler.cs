using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Mfa.Common;
using Auth.Domain.Mfa;
using Mediator;

namespace Auth.Application.Admin.ResetUserMfa;

/// <summary>Turns TOTP off and removes the recovery codes; the user is mailed and the audit trail names the administrator.</summary>
public sealed class ResetUserMfaHandler(
    IUserRepository users,
    MfaChanges changes,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<ResetUserMfaCommand, Result>
{
    public async ValueTask<Result> Handle(ResetUserMfaCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.UserNotFound;
        }

        return await changes.TurnOffAsync(user, MfaChangeGrounds.ByAdmin, time.GetUtcNow(), cancellationToken)
            ? await unitOfWork.SaveChangesAsync(cancellationToken)
            : AuthErrors.MfaNotEnabled;
    }
}
