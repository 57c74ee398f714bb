using Auth.Application.Common.Authentication;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Common;
using Mediator;

namespace Auth.Application.Sessions.Login;

/// <summary>Sign-in with a password: the password verifier proves who it is, the sign-in service starts the session.</summary>
public sealed class LoginHandler(PasswordVerifier verifier, SignIn signIn) : ICommandHandler<LoginCommand, Result<AuthResult>>
{
    public async ValueTask<Result<AuthResult>> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        return await signIn.SignInAsync(
            ct => verifier.VerifyAsync(command.Email, command.Password, command.DeviceToken, command.Client, ct), command.Client, cancellationToken);
    }
}
