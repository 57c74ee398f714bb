using Auth.Application.Common.Errors;
using Auth.Domain.Sessions;

namespace Auth.Application.Common.Authentication;

/// <summary>
/// Sensitive actions (password change, account delete, second-factor changes, administrator writes) of an account
/// with a second factor need a session that proved it: a stolen password alone, or a session from before the
/// factor was turned on, cannot change the account.
/// </summary>
public static class StepUp
{
    /// <returns><c>mfa_step_up_required</c>, or null when the session may go ahead.</returns>
    public static Error? Check(bool accountHasMfa, string sessionAal) =>
        accountHasMfa && sessionAal != AuthenticationMethods.Aal2 ? AuthErrors.MfaStepUpRequired : null;
}
