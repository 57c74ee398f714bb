using Auth.Application.Common.Results;
using Mediator;

namespace Auth.Application.Mfa.DisableTotp;

/// <param name="Code">A current TOTP code or an unused recovery code.</param>
public sealed record DisableTotpCommand(Guid UserId, Guid SessionId, string Code) : ICommand<Result>;
