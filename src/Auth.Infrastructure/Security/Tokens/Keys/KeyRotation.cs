namespace Auth.Infrastructure.Security.Tokens.Keys;

/// <summary>
/// What <c>rotate-key</c> does: writes a fresh key into <c>Jwt:KeyDirectory</c> that starts signing later, so every
/// instance and every JWKS cache learns it first. The first key of an empty directory signs at once.
/// </summary>
public static class KeyRotation
{
    /// <summary>Longer than a rollout and than the JWKS cache (five minutes), as the README's rotation steps ask.</summary>
    public static readonly TimeSpan DefaultLeadTime = TimeSpan.FromHours(1);

    public sealed record Outcome(string? Path, string? KeyId, string Algorithm, DateTimeOffset ActiveFrom, string Message);

    /// <param name="directory">The key directory (created when missing).</param>
    /// <param name="algorithm">RS256 or ES256.</param>
    /// <param name="activeFrom">When the key starts signing; null: now for the first key, else now plus the lead time.</param>
    /// <param name="onlyIfEmpty">Write nothing when the directory already holds a key (a first start that runs every time).</param>
    public static Outcome Rotate(string directory, string algorithm, DateTimeOffset? activeFrom, bool onlyIfEmpty, DateTimeOffset now)
    {
        if (!SigningAlgorithms.IsAsymmetric(algorithm))
        {
            throw new ArgumentException($"rotate-key writes RS256 or ES256 keys, not {algorithm}.", nameof(algorithm));
        }

        IReadOnlyList<(string Path, DateTimeOffset ActiveFrom)> existing;
        try
        {
            existing = Directory.Exists(directory) ? KeyDirectory.List(directory) : [];
        }
        catch (InvalidSigningKeyException e)
        {
            throw new IOException(e.Message, e);
        }

        if (existing.Count > 0 && onlyIfEmpty)
        {
            return new Outcome(null, null, algorithm, existing[^1].ActiveFrom, $"{directory} already holds {existing.Count} key(s); nothing written.");
        }

        var requested = activeFrom ?? (existing.Count == 0 ? now : now + DefaultLeadTime);
        // The file name holds whole seconds; the outcome reports what the service will read back.
        var from = new DateTimeOffset(requested.UtcTicks - (requested.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        if (existing.Count > 0 && from <= existing[^1].ActiveFrom)
        {
            throw new ArgumentException($"A key already starts signing at {existing[^1].ActiveFrom:O}; the new one must start later.", nameof(activeFrom));
        }

        var pem = SigningKeyMaterial.GeneratePem(algorithm);
        var path = KeyDirectory.Write(directory, pem, from);
        var kid = SigningKeyMaterial.FromPem(pem, algorithm, keyId: null).KeyId;
        return new Outcome(path, kid, algorithm, from, $"Wrote {path}: {algorithm} key {kid}, signing from {from:O}. Restart every instance to announce it.");
    }
}
