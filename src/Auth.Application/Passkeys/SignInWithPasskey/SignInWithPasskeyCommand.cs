using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Application.Sessions.Common;
using Mediator;

namespace Auth.Application.Passkeys.SignInWithPasskey;

/// <param name="Assertion">The browser's <c>PublicKeyCredential</c> from <c>navigator.credentials.get</c>, as JSON.</param>
/// <param name="DeviceToken">The device token the client holds from an earlier sign-in, if any.</param>
public sealed record SignInWithPasskeyCommand(Guid ChallengeId, string Assertion, ClientInfo Client, string? DeviceToken = null) : ICommand<Result<AuthResult>>;
