using Auth.Application.Abstractions;
using Auth.Application.Common.Authentication;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Mfa.Common;
using Auth.Domain.Mfa;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Mfa.ConfirmTotpEnrolment;

/// <summary>
/// A code of the pending secret turns TOTP on and issues the recovery codes. Wrong codes are locked out like any
/// other: on the session's budget, or, with an mfaToken, on the sign-in's (and they wear the token out). An
/// enrolment-only mfaToken finishes its sign-in here, with both factors just proven.
/// </summary>
public sealed class ConfirmTotpEnrolmentHandler(
    IUserRepository users,
    MfaChallenges challenges,
    SecondFactor secondFactor,
    RecoveryCodes recoveryCodes,
    MfaChanges changes,
    Lockout lockout,
    KnownDevices devices,
    SignIn signIn,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<ConfirmTotpEnrolmentCommand, Result<TotpConfirmation>>
{
    public async ValueTask<Result<TotpConfirmation>> Handle(ConfirmTotpEnrolmentCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        MfaChallenge? challenge = null;
        User? user;
        if (command.MfaToken is { } token)
        {
            challenge = await challenges.FindUsableAsync(token, MfaChallengePurpose.Enrolment, command.Client, now, cancellationToken);
            user = challenge is null ? null : await users.FindByIdAsync(challenge.UserId, cancellationToken);
            if (user is null)
            {
                return AuthErrors.InvalidMfaToken;
            }
        }
        else if ((user = await users.FindByIdAsync(command.UserId!.Value, cancellationToken)) is null)
        {
            return AuthErrors.InvalidToken;
        }

        if (user.HasMfa)
        {
            return AuthErrors.MfaAlreadyEnabled;
        }

        if (user.PendingTotpSecret is null)
        {
            return AuthErrors.NoPendingEnrolment;
        }

        var device = challenge is null ? null : await devices.FindKnownAsync(challenge.DeviceId, user.Id, now, cancellationToken);
        var budget = challenge is null ? lockout.ForSession(command.SessionId!.Value)
            : device is null ? lockout.ForAccount(user.NormalizedEmail) : lockout.ForDevice(device.Device.Id);
        using (var attempt = await lockout.BeginAsync(budget, now, cancellationToken))
        {
            if (attempt.Refused is { } locked)
            {
                return locked;
            }

            if (secondFactor.MatchPending(user, command.Code, now) is not { } step)
            {
                return challenge is null ? AuthErrors.WrongMfaCode : await challenges.RefuseAsync(challenge, attempt, now, cancellationToken);
            }

            await attempt.ForgiveAsync(cancellationToken);
            user.EnableTotp(step, now);
        }

        var codes = await recoveryCodes.ReplaceAsync(user, now, cancellationToken);
        await changes.SpendResetLinksAsync(user, now, cancellationToken);
        if (challenge is null)
        {
            var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
            return saved.IsSuccess ? new TotpConfirmation(codes, null) : saved.Error!;
        }

        challenge.Spend(now);
        var session = await signIn.StartSessionAsync(new ProvenIdentity(user, AuthenticationMethods.PasswordAndOneTimeCode, device), command.Client, cancellationToken);
        return session.IsSuccess ? new TotpConfirmation(codes, session.Value) : session.Error!;
    }
}
