namespace Auth.Application.Abstractions;

/// <summary>RFC 6238 time-based one-time passwords as authenticator apps make them (SHA-1, 6 digits, 30 s).</summary>
public interface ITotp
{
    /// <summary>A fresh random secret (160 bits, RFC 4226's recommendation), base32 as apps take it.</summary>
    string NewSecret();

    /// <returns>The time step whose code <paramref name="code"/> is, within one step either side of now; null for a wrong code.</returns>
    long? MatchStep(string secret, string code, DateTimeOffset now);

    /// <summary>The <c>otpauth://totp/</c> URI an app scans, labelled with the configured issuer and the account's email or name.</summary>
    string EnrolmentUri(string secret, string email, string name);
}

/// <summary>Draws a QR code, so a frontend can show the enrolment URI without a library of its own.</summary>
public interface IQrCodeRenderer
{
    /// <returns>A standalone SVG document.</returns>
    string Svg(string text);
}

/// <summary>Keeps second-factor secrets unreadable in the database: TOTP secrets encrypted, recovery codes hashed.</summary>
public interface IMfaSecretProtector
{
    string Protect(string secret);

    /// <returns>The secret; null when it was not protected under a key this service has.</returns>
    string? Unprotect(string protectedSecret);

    /// <summary>A keyed hash of a recovery code: the code has full entropy, so a fast hash is enough.</summary>
    byte[] HashRecoveryCode(string normalizedCode);
}
