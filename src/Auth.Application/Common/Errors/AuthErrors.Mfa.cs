namespace Auth.Application.Common.Errors;

/// <summary>The errors of the second factor: sign-in with a code, enrolment, step-up.</summary>
public static partial class AuthErrors
{
    public const string MfaRequiredCode = "mfa_required";
    public const string MfaEnrollmentRequiredCode = "mfa_enrollment_required";

    /// <summary>The problem member holding the ticket that finishes the sign-in.</summary>
    public const string MfaTokenMember = "mfaToken";

    /// <summary>The problem member listing the factors the account can answer with.</summary>
    public const string FactorsMember = "factors";

    /// <summary>The problem member holding the passkey request options of an account that has passkeys.</summary>
    public const string PasskeyOptionsMember = "passkeyOptions";

    /// <summary>The second factors an account with TOTP can present at <c>POST /auth/mfa/verify</c>.</summary>
    public static readonly IReadOnlyList<string> SecondFactors = ["totp", "recovery_code"];

    /// <summary>The same, for an account that also has passkeys.</summary>
    public static readonly IReadOnlyList<string> SecondFactorsWithPasskey = ["totp", "recovery_code", "passkey"];

    /// <summary>
    /// The password was right; the account has a second factor. Nothing is issued until it is proven. With passkeys,
    /// the options for <c>navigator.credentials.get</c> come along (<paramref name="passkeyOptions"/>).
    /// </summary>
    public static Error MfaRequired(string mfaToken, System.Text.Json.JsonElement? passkeyOptions = null)
    {
        var extensions = new Dictionary<string, object>
        {
            [MfaTokenMember] = mfaToken,
            [FactorsMember] = passkeyOptions is null ? SecondFactors : SecondFactorsWithPasskey,
        };
        if (passkeyOptions is { } options)
        {
            extensions[PasskeyOptionsMember] = options;
        }

        return new(MfaRequiredCode, ErrorKind.Forbidden, "This account uses two-step verification: send a code (or a passkey's assertion) with the mfaToken to POST /auth/mfa/verify.")
        {
            Extensions = extensions,
        };
    }

    /// <summary>The password was right, but the account's role needs a second factor it has not set up; the token allows enrolment only.</summary>
    public static Error MfaEnrollmentRequired(string mfaToken) =>
        new(MfaEnrollmentRequiredCode, ErrorKind.Forbidden, "This account must set up two-step verification before signing in: enrol with the mfaToken at POST /auth/mfa/totp.")
        {
            Extensions = new Dictionary<string, object> { [MfaTokenMember] = mfaToken, [FactorsMember] = Array.Empty<string>() },
        };

    /// <summary>A sensitive action of an account with a second factor, from a session that did not prove it.</summary>
    public static readonly Error MfaStepUpRequired = new("mfa_step_up_required", ErrorKind.Forbidden,
        "This action needs a session signed in with two-step verification: sign in again with your code.");

    /// <summary>The mfaToken is unknown, expired, used, worn out by wrong codes, or from another client.</summary>
    public static readonly Error InvalidMfaToken = new("invalid_mfa_token", ErrorKind.Unauthorized, "The mfaToken is invalid, has expired or was already used. Sign in again.");

    /// <summary>The second-factor code of a sign-in is wrong; like <see cref="InvalidCredentials"/> it ends in a 401.</summary>
    public static readonly Error InvalidMfaCode = new("invalid_mfa_code", ErrorKind.Unauthorized, "The code is incorrect.");

    /// <summary>The code confirming an action inside a session is wrong; the session itself is fine (as <see cref="WrongPassword"/>).</summary>
    public static readonly Error WrongMfaCode = new("wrong_mfa_code", ErrorKind.Forbidden, "The code is incorrect.");

    public static readonly Error MfaAlreadyEnabled = new("mfa_already_enabled", ErrorKind.Conflict, "Two-step verification is already on; turn it off first to enrol a new app.");

    public static readonly Error MfaNotEnabled = new("mfa_not_enabled", ErrorKind.Conflict, "Two-step verification is not on for this account.");

    public static readonly Error NoPendingEnrolment = new("no_pending_enrolment", ErrorKind.Conflict, "No authenticator enrolment is waiting: start one at POST /auth/mfa/totp.");
}
