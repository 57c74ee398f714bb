using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Application.Sessions.Common;
using Mediator;

namespace Auth.Application.Mfa.VerifyMfa;

/// <summary>The second step of a sign-in: the mfaToken and an authenticator code, a recovery code or a passkey's assertion (JSON).</summary>
public sealed record VerifyMfaCommand(string MfaToken, string? Code, string? RecoveryCode, ClientInfo Client, string? Assertion = null) : ICommand<Result<AuthResult>>;
