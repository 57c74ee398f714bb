using Microsoft.AspNetCore.Mvc;

namespace Auth.Api.Contracts;

/// <summary>
/// The problem of a login that needs a second factor (403 <c>mfa_required</c>) or an enrolment first (403
/// <c>mfa_enrollment_required</c>); other 403s of the same routes carry neither member.
/// </summary>
public sealed class MfaProblemDetails : ProblemDetails
{
    /// <summary>
    /// Single use, 5 minutes, for this client only: send it with a code to <c>POST /auth/mfa/verify</c>
    /// (<c>mfa_required</c>), or to <c>POST /auth/mfa/totp</c> and <c>/auth/mfa/totp/confirm</c> to enrol (<c>mfa_enrollment_required</c>).
    /// </summary>
    /// <example>h2V1b3NlY3JldHRva2VudmFsdWVmb3JleGFtcGxl</example>
    public string? MfaToken { get; set; }

    /// <summary>The second factors the account can answer with: <c>totp</c>, <c>recovery_code</c>, <c>passkey</c> (empty while enrolling).</summary>
    /// <example>["totp", "recovery_code"]</example>
    public IReadOnlyList<string>? Factors { get; set; }

    /// <summary>
    /// With <c>passkey</c> among the factors: PublicKeyCredentialRequestOptions listing the account's passkeys, for
    /// <c>navigator.credentials.get</c>; send its answer as <c>assertion</c> with the mfaToken.
    /// </summary>
    public System.Text.Json.JsonElement? PasskeyOptions { get; set; }
}
