using Auth.Application.Common.Results;
using Auth.Application.Passkeys.Common;
using Mediator;

namespace Auth.Application.Passkeys.RegisterPasskey;

/// <param name="Attestation">The browser's <c>PublicKeyCredential</c> from <c>navigator.credentials.create</c>, as JSON.</param>
public sealed record RegisterPasskeyCommand(Guid UserId, string Attestation, string? Name) : ICommand<Result<PasskeyView>>;
