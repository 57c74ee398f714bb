using Auth.Application.Common.Authentication;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Common;
using Mediator;

namespace Auth.Application.Mfa.VerifyMfa;

/// <summary>Finishes a sign-in: the second-factor verifier proves both factors, the sign-in service starts the session.</summary>
public sealed class VerifyMfaHandler(SecondFactorVerifier verifier, SignIn signIn) : ICommandHandler<VerifyMfaCommand, Result<AuthResult>>
{
    public async ValueTask<Result<AuthResult>> Handle(VerifyMfaCommand command, CancellationToken cancellationToken) =>
        await signIn.SignInAsync(
            ct => verifier.VerifyAsync(command.MfaToken, command.Code, command.RecoveryCode, command.Client, ct), command.Client, cancellationToken);
}
