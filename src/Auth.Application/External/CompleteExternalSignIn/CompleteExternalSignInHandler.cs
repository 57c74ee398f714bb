using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.External.Common;
using Auth.Domain.External;
using Auth.Domain.Sessions;
using Mediator;

namespace Auth.Application.External.CompleteExternalSignIn;

/// <summary>
/// The provider's callback. The state is taken once; without it nothing here is trusted, not even where to send the
/// browser, so that is the only answer that is not a redirect. Then the code is redeemed and the ID token verified
/// (by <see cref="IExternalProviders"/>); a sign-in leaves a one-minute grant for the frontend to exchange, a link is
/// made at once for the account that started it. Every failure after the state is a redirect with an error code,
/// and leaves nothing behind.
/// </summary>
public sealed class CompleteExternalSignInHandler(
    IExternalProviders providers,
    IExternalSignInStore store,
    ExternalLinks links,
    IRefreshTokenGenerator secrets,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<CompleteExternalSignInCommand, Result<ExternalCallbackOutcome>>
{
    public async ValueTask<Result<ExternalCallbackOutcome>> Handle(CompleteExternalSignInCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var started = string.IsNullOrEmpty(command.State) ? null : await store.TakeAuthorizationAsync(secrets.Hash(command.State), now, cancellationToken);
        if (started is null || started.Provider != command.Provider)
        {
            return AuthErrors.InvalidState;
        }

        if (!string.IsNullOrEmpty(command.Error) || string.IsNullOrEmpty(command.Code))
        {
            return Failed(started, AuthErrors.ExternalSignInCancelled);
        }

        var claims = await providers.RedeemAsync(started.Provider, new ExternalRedemption(command.Code, started.CodeVerifier, started.Nonce, started.RedirectUri), cancellationToken);
        if (!claims.IsSuccess)
        {
            return Failed(started, claims.Error!);
        }

        if (started.Purpose == ExternalAuthorizationPurpose.Link)
        {
            var linked = await links.LinkAsync(started.UserId!.Value, started.Provider, claims.Value, now, cancellationToken);
            return linked.IsSuccess ? new ExternalCallbackOutcome(started.ReturnUrl, Linked: started.Provider) : Failed(started, linked.Error!);
        }

        var code = secrets.Create();
        var vouched = claims.Value;
        store.Add(ExternalSignInGrant.Issue(code.Hash, started.ExchangeChallenge!, started.Provider, vouched.Subject, vouched.Email, vouched.EmailVerified, vouched.Name,
            AuthenticationMethods.ExternalSignIn(vouched.Amr), now));
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? new ExternalCallbackOutcome(started.ReturnUrl, ExchangeCode: code.Value) : Failed(started, saved.Error!);
    }

    private static ExternalCallbackOutcome Failed(ExternalAuthorization started, Error error) => new(started.ReturnUrl, Error: error.Code);
}
