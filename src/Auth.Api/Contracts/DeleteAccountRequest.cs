using Auth.Api.OpenApi;

namespace Auth.Api.Contracts;

/// <summary>Confirms an account delete with the password.</summary>
public sealed record DeleteAccountRequest
{
    /// <example>correct horse battery staple</example>
    [RequiredInRequest]
    public string? Password { get; init; }
}
