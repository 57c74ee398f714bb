using Auth.Application.Abstractions;
using Auth.Application.Common.Authentication;
using Auth.Application.Common.Results;
using Auth.Application.Mfa.Common;
using Mediator;

namespace Auth.Application.Mfa.RegenerateRecoveryCodes;

/// <summary>A fresh set of recovery codes replaces the old one, used and unused alike, after a code proves the factor.</summary>
public sealed class RegenerateRecoveryCodesHandler(
    CodeReAuthentication reAuthentication,
    RecoveryCodes recoveryCodes,
    MfaChanges changes,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<RegenerateRecoveryCodesCommand, Result<IReadOnlyList<string>>>
{
    public async ValueTask<Result<IReadOnlyList<string>>> Handle(RegenerateRecoveryCodesCommand command, CancellationToken cancellationToken)
    {
        var verified = await reAuthentication.VerifyAsync(command.UserId, command.SessionId, command.Code, cancellationToken);
        if (!verified.IsSuccess)
        {
            return verified.Error!;
        }

        var user = verified.Value;
        var now = time.GetUtcNow();
        var codes = await recoveryCodes.ReplaceAsync(user, now, cancellationToken);
        user.RecoveryCodesReplaced(now);
        await changes.SpendResetLinksAsync(user, now, cancellationToken);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        return codes.ToList();
    }
}
