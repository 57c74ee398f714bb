using Auth.Api.OpenApi;

namespace Auth.Api.Contracts;

/// <summary>Changes to the caller's profile.</summary>
public sealed record UpdateProfileRequest
{
    /// <summary>Display name: 1 to 100 characters after trimming, no control, invisible or text-direction characters; stored composed (NFC).</summary>
    /// <example>Ada King</example>
    [RequiredInRequest]
    public string? Name { get; init; }
}
