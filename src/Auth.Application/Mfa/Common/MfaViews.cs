using Auth.Application.Sessions.Common;

namespace Auth.Application.Mfa.Common;

/// <summary>The caller's second factors.</summary>
/// <param name="RecoveryCodesLeft">Unused recovery codes; 0 while TOTP is off.</param>
public sealed record MfaStatusView(bool TotpEnabled, DateTimeOffset? TotpEnabledAt, bool TotpPending, int RecoveryCodesLeft, IReadOnlyList<Passkeys.Common.PasskeyView> Passkeys);

/// <summary>What an authenticator app needs to enrol: the secret, as text, as a URI, and as a QR code of the URI.</summary>
public sealed record TotpEnrolmentView(string Secret, string OtpauthUri, string QrCodeSvg);

/// <summary>TOTP is on: the recovery codes, shown this once, and the session an enrolment-only mfaToken led to.</summary>
public sealed record TotpConfirmation(IReadOnlyList<string> RecoveryCodes, AuthResult? Session);
