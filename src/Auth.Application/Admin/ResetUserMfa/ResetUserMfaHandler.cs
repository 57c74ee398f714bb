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
    IRecoveryCodeRepository recoveryCodes,
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

        var now = time.GetUtcNow();
        if (!user.DisableTotp(MfaChangeGrounds.ByAdmin, now))
        {
            return AuthErrors.MfaNotEnabled;
        }

        await recoveryCodes.RemoveAllAsync(user.Id, cancellationToken);
        await changes.SpendResetLinksAsync(user, now, cancellationToken);
        return await unitOfWork.SaveChangesAsync(cancellationToken);
    }
}
