using Auth.Application.Common.Results;
using Mediator;

namespace Auth.Application.Passkeys.BeginPasskeyRegistration;

/// <summary>Starts adding a passkey to the caller's account; returns the creation options (JSON) for the browser.</summary>
public sealed record BeginPasskeyRegistrationCommand(Guid UserId) : ICommand<Result<string>>;
