using Auth.Application.Common.Authentication;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Common;
using Mediator;

namespace Auth.Application.Sessions.Login;

/// <summary>
/// Sign-in with a password: the password verifier proves who it is, the sign-in service starts the session, and only
/// then is the proven password judged again by today's policy.
/// </summary>
public sealed class LoginHandler(PasswordVerifier verifier, SignIn signIn, PasswordRecheck recheck) : ICommandHandler<LoginCommand, Result<AuthResult>>
{
    public async ValueTask<Result<AuthResult>> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var (session, proven) = await signIn.SignInWithProofAsync(
            ct => verifier.VerifyAsync(command.Email, command.Password, command.DeviceToken, command.Client, ct), command.Client, cancellationToken);
        if (proven is null)
        {
            return session;
        }

        if (session.IsSuccess)
        {
            return await recheck.AfterSignInAsync(proven.User, command.Password, session.Value, cancellationToken);
        }

        // The right password of an account with a second factor: judged now, the only moment it is in hand.
        if (session.Error!.Code is AuthErrors.MfaRequiredCode or AuthErrors.MfaEnrollmentRequiredCode)
        {
            await recheck.BeforeSecondFactorAsync(proven.User, command.Password, cancellationToken);
        }

        return session;
    }
}
