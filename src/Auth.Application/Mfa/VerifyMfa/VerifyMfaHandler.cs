using Auth.Application.Common.Authentication;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Common;
using Mediator;

namespace Auth.Application.Mfa.VerifyMfa;

/// <summary>Finishes a sign-in: the second-factor verifier proves both factors, the sign-in service starts the session.</summary>
public sealed class VerifyMfaHandler(SecondFactorVerifier verifier, SignIn signIn) : ICommandHandler<VerifyMfaCommand, Result<AuthResult>>
{
    public async ValueTask<Result<AuthResult>> Handle(VerifyMfaCommand command, CancellationToken cancellationToken)
    {
        var (session, proven) = await signIn.SignInWithProofAsync(
            ct => verifier.VerifyAsync(command.MfaToken, command.Code, command.RecoveryCode, command.Client, ct, command.Assertion), command.Client, cancellationToken);
        // The password was judged at its own step (PasswordRecheck.BeforeSecondFactorAsync); the account remembers it.
        return session.IsSuccess && proven is not null ? PasswordRecheck.StillFlagged(proven.User, session.Value) : session;
    }
}
