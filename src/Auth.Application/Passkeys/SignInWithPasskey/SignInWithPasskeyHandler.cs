using Auth.Application.Common.Authentication;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Common;
using Mediator;

namespace Auth.Application.Passkeys.SignInWithPasskey;

/// <summary>Passwordless sign-in: the passkey verifier proves who it is, the sign-in service starts the session.</summary>
public sealed class SignInWithPasskeyHandler(PasskeyVerifier verifier, SignIn signIn) : ICommandHandler<SignInWithPasskeyCommand, Result<AuthResult>>
{
    public async ValueTask<Result<AuthResult>> Handle(SignInWithPasskeyCommand command, CancellationToken cancellationToken)
    {
        var (session, proven) = await signIn.SignInWithProofAsync(
            ct => verifier.VerifyAsync(command.ChallengeId, command.Assertion, command.DeviceToken, command.Client, ct), command.Client, cancellationToken);
        // No password is in hand to judge; a password the account was already told to replace stays flagged.
        return session.IsSuccess && proven is not null ? PasswordRecheck.StillFlagged(proven.User, session.Value) : session;
    }
}
