using Auth.Api.OpenApi;

namespace Auth.Api.Contracts;

/// <summary>A new account.</summary>
public sealed record SignupRequest
{
    /// <summary>Trimmed and compared case-insensitively after Unicode NFKC; no invisible or text-direction characters; at most 254 characters.</summary>
    /// <example>ada@example.com</example>
    [RequiredInRequest]
    public string? Email { get; init; }

    /// <summary>8 to 128 characters; no composition rules (NIST SP 800-63B).</summary>
    /// <example>correct horse battery staple</example>
    [RequiredInRequest]
    public string? Password { get; init; }

    /// <summary>Display name: 1 to 100 characters after trimming, no control, invisible or text-direction characters; stored composed (NFC).</summary>
    /// <example>Ada Lovelace</example>
    [RequiredInRequest]
    public string? Name { get; init; }
}
