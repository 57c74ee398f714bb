using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Application.Mfa.Common;
using Mediator;

namespace Auth.Application.Mfa.ConfirmTotpEnrolment;

/// <summary>Turns TOTP on with a code of the pending secret, in a session or with an enrolment-only mfaToken.</summary>
public sealed record ConfirmTotpEnrolmentCommand(Guid? UserId, Guid? SessionId, string? MfaToken, string Code, ClientInfo Client)
    : ICommand<Result<TotpConfirmation>>;
