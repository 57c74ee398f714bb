using Auth.Application.Abstractions;
using Auth.Application.Common.Authentication;
using Auth.Application.Common.Results;
using Auth.Application.Mfa.Common;
using Auth.Domain.Mfa;
using Mediator;

namespace Auth.Application.Mfa.DisableTotp;

/// <summary>Turns TOTP off after a code proves the factor; the recovery codes go with it. No session ends.</summary>
public sealed class DisableTotpHandler(
    CodeReAuthentication reAuthentication,
    MfaChanges changes,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<DisableTotpCommand, Result>
{
    public async ValueTask<Result> Handle(DisableTotpCommand command, CancellationToken cancellationToken)
    {
        var verified = await reAuthentication.VerifyAsync(command.UserId, command.SessionId, command.Code, cancellationToken);
        if (!verified.IsSuccess)
        {
            return verified;
        }

        await changes.TurnOffAsync(verified.Value, MfaChangeGrounds.ByOwner, time.GetUtcNow(), cancellationToken);
        return await unitOfWork.SaveChangesAsync(cancellationToken);
    }
}
