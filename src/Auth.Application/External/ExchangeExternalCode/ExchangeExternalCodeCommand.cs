using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Application.Sessions.Common;
using Mediator;

namespace Auth.Application.External.ExchangeExternalCode;

/// <param name="Code">The single-use code the callback sent the browser back with.</param>
/// <param name="CodeVerifier">The verifier of the proof key the frontend started the sign-in with.</param>
public sealed record ExchangeExternalCodeCommand(string Code, string CodeVerifier, ClientInfo Client, string? DeviceToken) : ICommand<Result<AuthResult>>;
