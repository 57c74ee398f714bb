using Auth.Application.Keys;

namespace Auth.Application.Abstractions;

/// <summary>What other services need to validate our access tokens without sharing a secret.</summary>
public interface ITokenSigningKeys
{
    string Issuer { get; }

    /// <summary>Where other services reach this one, when configured (or the issuer, when it is a URL).</summary>
    string? PublicBaseUrl { get; }

    /// <summary>The JWS algorithms of the configured keys (RS256, ES256 or HS256): one each key.</summary>
    IReadOnlyList<string> Algorithms { get; }

    /// <summary>The public keys valid at <paramref name="now"/>: current, announced and recently replaced ones.</summary>
    IReadOnlyList<PublicSigningKey> Published(DateTimeOffset now);
}
