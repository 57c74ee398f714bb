using Auth.Application.Abstractions;
using Auth.Application.Common.Authentication;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Mfa.Common;
using Auth.Domain.Mfa;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Mfa.StartTotpEnrolment;

/// <summary>A new secret, pending until a code confirms the app holds it; a new start replaces a pending one.</summary>
public sealed class StartTotpEnrolmentHandler(
    IUserRepository users,
    ReAuthentication reAuthentication,
    MfaChallenges challenges,
    ITotp totp,
    IMfaSecretProtector protector,
    IQrCodeRenderer qrCodes,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<StartTotpEnrolmentCommand, Result<TotpEnrolmentView>>
{
    public async ValueTask<Result<TotpEnrolmentView>> Handle(StartTotpEnrolmentCommand command, CancellationToken cancellationToken)
    {
        var found = await FindUserAsync(command, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var user = found.Value;
        if (user.HasMfa)
        {
            return AuthErrors.MfaAlreadyEnabled;
        }

        var secret = totp.NewSecret();
        user.StartTotpEnrolment(protector.Protect(secret), time.GetUtcNow());
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        var uri = totp.EnrolmentUri(secret, user.Email, user.Name);
        return new TotpEnrolmentView(secret, uri, qrCodes.Svg(uri));
    }

    private async Task<Result<User>> FindUserAsync(StartTotpEnrolmentCommand command, CancellationToken cancellationToken)
    {
        if (command.MfaToken is not { } token)
        {
            return await reAuthentication.VerifyAsync(command.UserId!.Value, command.SessionId!.Value, command.CurrentPassword!, cancellationToken);
        }

        var challenge = await challenges.FindUsableAsync(token, MfaChallengePurpose.Enrolment, command.Client, time.GetUtcNow(), cancellationToken);
        return challenge is not null && await users.FindByIdAsync(challenge.UserId, cancellationToken) is { } user
            ? user
            : AuthErrors.InvalidMfaToken;
    }
}
