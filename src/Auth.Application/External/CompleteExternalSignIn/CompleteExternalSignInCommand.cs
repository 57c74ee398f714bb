using Auth.Application.Common.Results;
using Mediator;

namespace Auth.Application.External.CompleteExternalSignIn;

/// <summary>The provider's answer at the callback: a code, or an error (the person cancelled), with the state.</summary>
public sealed record CompleteExternalSignInCommand(string Provider, string? State, string? Code, string? Error) : ICommand<Result<ExternalCallbackOutcome>>;

/// <summary>Where the browser goes next: the frontend page, with what to add to its query.</summary>
/// <param name="ExchangeCode">A sign-in's single-use code for <c>POST /auth/external/exchange</c>.</param>
/// <param name="Linked">The provider linked, for a link.</param>
/// <param name="Error">The error code when the sign-in or link failed after the state checked out.</param>
public sealed record ExternalCallbackOutcome(string ReturnUrl, string? ExchangeCode = null, string? Linked = null, string? Error = null);
