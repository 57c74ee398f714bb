using Auth.Application.Common.Results;
using Mediator;

namespace Auth.Application.External.StartExternalSignIn;

/// <param name="ReturnUrl">The frontend page the browser comes back to, with an exchange code or an error.</param>
/// <param name="CallbackUrl">This service's callback for the provider, as the client reached the service.</param>
/// <param name="CodeChallenge">A sign-in's proof key from the frontend (<see cref="External.Common.ExchangeProof"/>); none for a link.</param>
/// <param name="LinkToUserId">Set to link the provider's account to this signed-in account instead of signing in.</param>
public sealed record StartExternalSignInCommand(string Provider, string ReturnUrl, string CallbackUrl, string? CodeChallenge, Guid? LinkToUserId = null)
    : ICommand<Result<Uri>>;
