using Auth.Application.Common.Results;
using Auth.Application.Passkeys.Common;
using Mediator;

namespace Auth.Application.Passkeys.BeginPasskeySignIn;

/// <param name="Email">Optional: only a passkey of this account may then answer.</param>
public sealed record BeginPasskeySignInCommand(string? Email) : ICommand<Result<PasskeySignInOptions>>;
