using Auth.Application.Abstractions;
using Auth.Application.Common.Authentication;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.External.Common;
using Auth.Application.Sessions.Common;
using Mediator;

namespace Auth.Application.External.ExchangeExternalCode;

/// <summary>
/// The frontend's half of an external sign-in: the code, taken once, becomes the session through the same sign-in
/// as a password's (disabled accounts, confirmed-email policy, second factor, known devices, session cap, audit). Only
/// the frontend that started the sign-in can: the code comes with the verifier of its proof key.
/// </summary>
public sealed class ExchangeExternalCodeHandler(
    IExternalSignInStore store,
    IRefreshTokenGenerator secrets,
    ExternalVerifier verifier,
    SignIn signIn,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<ExchangeExternalCodeCommand, Result<AuthResult>>
{
    public async ValueTask<Result<AuthResult>> Handle(ExchangeExternalCodeCommand command, CancellationToken cancellationToken)
    {
        // Taken before the proof is checked, so a wrong verifier spends the code: it cannot be tried twice.
        var grant = await store.TakeGrantAsync(secrets.Hash(command.Code), time.GetUtcNow(), cancellationToken);
        if (grant is null || !ExchangeProof.Matches(command.CodeVerifier, grant.ExchangeChallenge))
        {
            return AuthErrors.InvalidExchangeCode;
        }

        Task<(Result<AuthResult> Session, ProvenIdentity? Proven)> SignInAsync() =>
            signIn.SignInWithProofAsync(ct => verifier.VerifyAsync(grant, command.DeviceToken, ct), command.Client, cancellationToken);

        var (session, proven) = await SignInAsync();
        if (session.Error == AuthErrors.EmailTaken)
        {
            // Another first sign-in with this identity (or a signup with its address) committed while this one made
            // the account: once more, against what is there now, which finds the link or refuses the address.
            unitOfWork.Reset();
            (session, proven) = await SignInAsync();
        }

        if (session.Error == AuthErrors.EmailTaken)
        {
            return AuthErrors.ExternalAccountExists;
        }
        if (session.Error == AuthErrors.EmailNotConfirmed && proven is { User.HasPassword: false })
        {
            // A first sign-in whose address the provider did not verify, where sign-in needs a confirmed one: the
            // account is still made, and its confirmation mailed, so the link in it leads somewhere.
            var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
            return saved.IsSuccess ? session : saved.Error!;
        }

        return session;
    }
}
