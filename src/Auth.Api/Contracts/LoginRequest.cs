using Auth.Api.OpenApi;

namespace Auth.Api.Contracts;

/// <summary>Credentials of an existing account.</summary>
public sealed record LoginRequest
{
    /// <example>ada@example.com</example>
    [RequiredInRequest]
    public string? Email { get; init; }

    /// <example>correct horse battery staple</example>
    [RequiredInRequest]
    public string? Password { get; init; }
}
