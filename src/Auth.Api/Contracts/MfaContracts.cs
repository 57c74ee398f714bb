using Auth.Api.OpenApi;
using Auth.Application.Mfa.Common;

namespace Auth.Api.Contracts;

/// <summary>The caller's second factors.</summary>
public sealed record MfaStatusResponse
{
    /// <summary>An authenticator app's codes are needed to sign in.</summary>
    /// <example>true</example>
    public required bool TotpEnabled { get; init; }

    /// <summary>Since when (ISO 8601, UTC); absent while off.</summary>
    /// <example>2026-12-01T10:00:00Z</example>
    public DateTime? TotpEnabledSince { get; init; }

    /// <summary>An enrolment was started and waits for a code at <c>POST /auth/mfa/totp/confirm</c>.</summary>
    /// <example>false</example>
    public required bool TotpPending { get; init; }

    /// <summary>Unused recovery codes.</summary>
    /// <example>10</example>
    public required int RecoveryCodesLeft { get; init; }

    /// <summary>The passkeys registered, oldest first: each signs in without a password, or stands in for the code.</summary>
    public required IReadOnlyList<PasskeyResponse> Passkeys { get; init; }

    public static MfaStatusResponse From(MfaStatusView view) => new()
    {
        TotpEnabled = view.TotpEnabled,
        TotpEnabledSince = view.TotpEnabledAt?.ForJson(),
        TotpPending = view.TotpPending,
        RecoveryCodesLeft = view.RecoveryCodesLeft,
        Passkeys = [.. view.Passkeys.Select(PasskeyResponse.From)],
    };
}

/// <summary>Starts TOTP enrolment: in a session with the current password, or with an enrolment-only <c>mfaToken</c>.</summary>
public sealed record StartTotpRequest
{
    /// <summary>Required with a Bearer token.</summary>
    /// <example>correct horse battery staple</example>
    public string? CurrentPassword { get; init; }

    /// <summary>Instead of a Bearer token: the <c>mfaToken</c> of a 403 <c>mfa_enrollment_required</c> login.</summary>
    /// <example>h2V1b3NlY3JldHRva2VudmFsdWVmb3JleGFtcGxl</example>
    public string? MfaToken { get; init; }
}

/// <summary>What an authenticator app needs; the secret is shown this once.</summary>
public sealed record TotpEnrolmentResponse
{
    /// <summary>The shared secret in base32, for typing into an app by hand.</summary>
    /// <example>JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP</example>
    public required string Secret { get; init; }

    /// <example>otpauth://totp/Auth:ada%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&amp;issuer=Auth</example>
    public required string OtpauthUri { get; init; }

    /// <summary>The URI as a QR code: a standalone SVG document to put in the page.</summary>
    /// <example>&lt;svg version="1.1" xmlns="http://www.w3.org/2000/svg" ...&gt;...&lt;/svg&gt;</example>
    public required string QrCodeSvg { get; init; }

    public static TotpEnrolmentResponse From(TotpEnrolmentView view) =>
        new() { Secret = view.Secret, OtpauthUri = view.OtpauthUri, QrCodeSvg = view.QrCodeSvg };
}

/// <summary>A code from the app, confirming enrolment (with a Bearer token or an enrolment-only <c>mfaToken</c>).</summary>
public sealed record ConfirmTotpRequest
{
    /// <example>123456</example>
    [RequiredInRequest]
    public string? Code { get; init; }

    /// <summary>Instead of a Bearer token: the enrolment-only <c>mfaToken</c>; the sign-in then finishes here.</summary>
    /// <example>h2V1b3NlY3JldHRva2VudmFsdWVmb3JleGFtcGxl</example>
    public string? MfaToken { get; init; }
}

/// <summary>TOTP is on.</summary>
public sealed record TotpConfirmedResponse
{
    /// <summary>10 single-use recovery codes, shown this once: each signs in once in place of an app code.</summary>
    /// <example>["7kq2-9xbd-m4ta", "p0hs-3c8v-wn2e"]</example>
    public required IReadOnlyList<string> RecoveryCodes { get; init; }

    /// <summary>With an enrolment-only <c>mfaToken</c>: the session the sign-in started (absent with a Bearer token).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public AuthResponse? Session { get; init; }
}

/// <summary>A current code from the app, or an unused recovery code, confirming a change.</summary>
public sealed record MfaCodeRequest
{
    /// <example>123456</example>
    [RequiredInRequest]
    public string? Code { get; init; }
}

/// <summary>A fresh set of recovery codes; the old ones no longer work.</summary>
public sealed record RecoveryCodesResponse
{
    /// <example>["7kq2-9xbd-m4ta", "p0hs-3c8v-wn2e"]</example>
    public required IReadOnlyList<string> RecoveryCodes { get; init; }
}

/// <summary>The second step of a sign-in: the <c>mfaToken</c> and one of <c>code</c>, <c>recoveryCode</c> or <c>assertion</c>.</summary>
public sealed record VerifyMfaRequest
{
    /// <summary>From the 403 <c>mfa_required</c> of <c>POST /auth/login</c>.</summary>
    /// <example>h2V1b3NlY3JldHRva2VudmFsdWVmb3JleGFtcGxl</example>
    [RequiredInRequest]
    public string? MfaToken { get; init; }

    /// <summary>The app's current 6-digit code.</summary>
    /// <example>123456</example>
    public string? Code { get; init; }

    /// <summary>Instead of <c>code</c>: one of the recovery codes.</summary>
    /// <example>7kq2-9xbd-m4ta</example>
    public string? RecoveryCode { get; init; }

    /// <summary>
    /// Instead of a code: a passkey's <c>PublicKeyCredential</c> (its <c>toJSON()</c>) answering the
    /// <c>passkeyOptions</c> that came with the mfaToken.
    /// </summary>
    public System.Text.Json.JsonElement? Assertion { get; init; }
}
