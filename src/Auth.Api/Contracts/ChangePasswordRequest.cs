using Auth.Api.OpenApi;

namespace Auth.Api.Contracts;

/// <summary>A new password, proven by the current one.</summary>
public sealed record ChangePasswordRequest
{
    /// <example>correct horse battery staple</example>
    [RequiredInRequest]
    public string? CurrentPassword { get; init; }

    /// <summary>8 to 128 characters; no composition rules (NIST SP 800-63B).</summary>
    /// <example>a much longer passphrase than before</example>
    [RequiredInRequest]
    public string? NewPassword { get; init; }
}
