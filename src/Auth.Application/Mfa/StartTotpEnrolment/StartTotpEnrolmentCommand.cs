using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Application.Mfa.Common;
using Mediator;

namespace Auth.Application.Mfa.StartTotpEnrolment;

/// <summary>
/// Starts TOTP enrolment: in a session, proving the password again; or with the enrolment-only mfaToken of a
/// sign-in whose role requires a second factor (the password was proven there).
/// </summary>
public sealed record StartTotpEnrolmentCommand(Guid? UserId, Guid? SessionId, string? CurrentPassword, string? MfaToken, ClientInfo Client)
    : ICommand<Result<TotpEnrolmentView>>;
