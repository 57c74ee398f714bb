namespace Auth.Api.Contracts;

/// <summary>A refresh token to exchange.</summary>
public sealed record RefreshRequest
{
    /// <example>q3Zb0m4bJt9Yb0R2e4xq8Q0a7yK1mTn6cVwzP5uHsLg</example>
    public string? RefreshToken { get; init; }
}
