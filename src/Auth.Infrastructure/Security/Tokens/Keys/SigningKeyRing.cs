using Auth.Application.Abstractions;
using Auth.Application.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Auth.Infrastructure.Security.Tokens.Keys;

/// <summary>
/// Every configured signing key with its window. A key signs from its <c>ActiveFrom</c> until the next key's; it
/// then keeps validating (and stays in the JWKS) for one access-token lifetime plus clock skew, so tokens it signed
/// live out their life and rotation needs no downtime.
/// </summary>
internal sealed class SigningKeyRing : ITokenSigningKeys
{
    private readonly RingEntry[] entries;
    private readonly Dictionary<string, RingEntry> byKeyId;

    public SigningKeyRing(IOptions<JwtOptions> options)
    {
        var settings = options.Value;
        Issuer = settings.Issuer;
        PublicBaseUrl = !string.IsNullOrWhiteSpace(settings.PublicBaseUrl) ? settings.PublicBaseUrl.TrimEnd('/')
            : Uri.TryCreate(settings.Issuer, UriKind.Absolute, out var issuer) && issuer.Scheme is "https" or "http" ? settings.Issuer.TrimEnd('/')
            : null;
        var tokenLife = settings.AccessTokenLifetime + settings.ClockSkew;
        var loaded = SigningKeyLoader.Load(settings);
        entries = new RingEntry[loaded.Count];
        for (var i = 0; i < loaded.Count; i++)
        {
            var until = i + 1 < loaded.Count ? loaded[i + 1].ActiveFrom + tokenLife : DateTimeOffset.MaxValue;
            entries[i] = new RingEntry(loaded[i].Material, loaded[i].ActiveFrom, until);
        }

        byKeyId = entries.ToDictionary(e => e.Material.KeyId, StringComparer.Ordinal);
        Algorithms = [.. entries.Select(e => e.Material.Algorithm).Distinct(StringComparer.Ordinal)];
    }

    public string Issuer { get; }

    public string? PublicBaseUrl { get; }

    public IReadOnlyList<string> Algorithms { get; }

    /// <summary>The credentials of the key whose turn it is; the options validator guarantees there is one.</summary>
    public SigningCredentials Current(DateTimeOffset now)
    {
        for (var i = entries.Length - 1; i >= 0; i--)
        {
            if (entries[i].ActiveFrom <= now)
            {
                return entries[i].Material.Credentials;
            }
        }

        return entries[0].Material.Credentials;
    }

    /// <summary>The key a token's <c>kid</c> names, or null when it is unknown or retired past its tokens' lifetime.</summary>
    public SecurityKey? Resolve(string? keyId, DateTimeOffset now) =>
        keyId is not null && byKeyId.TryGetValue(keyId, out var entry) && now < entry.ValidUntil ? entry.Material.Key : null;

    /// <summary>True when <paramref name="key"/> is one of ours and signs with <paramref name="algorithm"/>.</summary>
    public bool Signs(SecurityKey key, string algorithm) =>
        key.KeyId is { } keyId && byKeyId.TryGetValue(keyId, out var entry) && entry.Material.Algorithm == algorithm;

    public IReadOnlyList<PublicSigningKey> Published(DateTimeOffset now) =>
        [.. entries.Where(e => now < e.ValidUntil && e.Material.Public is not null).Select(e => e.Material.Public!)];

    private sealed record RingEntry(SigningKeyMaterial Material, DateTimeOffset ActiveFrom, DateTimeOffset ValidUntil);
}
