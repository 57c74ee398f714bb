using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Application.Sessions.Common;
using Mediator;

namespace Auth.Application.Mfa.VerifyMfa;

/// <summary>The second step of a sign-in: the mfaToken and either an authenticator code or a recovery code.</summary>
public sealed record VerifyMfaCommand(string MfaToken, string? Code, string? RecoveryCode, ClientInfo Client) : ICommand<Result<AuthResult>>;
