using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Domain.External;
using Mediator;

namespace Auth.Application.External.StartExternalSignIn;

/// <summary>
/// Starts the redirect to a provider (authorization code with PKCE): fresh state, nonce and code verifier, kept in
/// the database for the callback, and the provider's URL carrying them. The return URL is checked here, before any
/// redirect, so the service never sends a browser to a page it does not know. A sign-in keeps the frontend's proof key
/// for the exchange (its validator requires one); a link needs none, as it completes at the callback for the account
/// that started it.
/// </summary>
public sealed class StartExternalSignInHandler(
    IExternalProviders providers,
    IExternalSignInStore store,
    IRefreshTokenGenerator secrets,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<StartExternalSignInCommand, Result<Uri>>
{
    public async ValueTask<Result<Uri>> Handle(StartExternalSignInCommand command, CancellationToken cancellationToken)
    {
        if (!providers.All.Any(p => p.Id == command.Provider))
        {
            return AuthErrors.UnknownProvider;
        }

        if (!providers.IsAllowedReturnUrl(command.ReturnUrl))
        {
            return AuthErrors.InvalidReturnUrl;
        }

        var state = secrets.Create();
        var request = new ExternalAuthorizationRequest(state.Value, secrets.Create().Value, secrets.Create().Value, command.CallbackUrl);
        var url = await providers.AuthorizationUrlAsync(command.Provider, request, cancellationToken);
        if (!url.IsSuccess)
        {
            return url.Error!;
        }

        var now = time.GetUtcNow();
        store.Add(command.LinkToUserId is { } userId
            ? ExternalAuthorization.StartLink(state.Hash, command.Provider, userId, request.Nonce, request.CodeVerifier, command.ReturnUrl,
                command.CallbackUrl, now)
            : ExternalAuthorization.StartSignIn(state.Hash, command.Provider, command.CodeChallenge!, request.Nonce, request.CodeVerifier,
                command.ReturnUrl, command.CallbackUrl, now));
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? url.Value : saved.Error!;
    }
}
