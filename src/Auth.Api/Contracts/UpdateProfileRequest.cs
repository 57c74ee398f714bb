namespace Auth.Api.Contracts;

/// <summary>Changes to the caller's profile.</summary>
public sealed record UpdateProfileRequest
{
    /// <summary>Display name: 1 to 100 characters after trimming, no control characters.</summary>
    /// <example>Ada King</example>
    public string? Name { get; init; }
}
