namespace Auth.Infrastructure.Security.Tokens.Keys;

/// <summary>Turns the <c>Jwt</c> settings into key material ordered by activation; throws naming the bad setting.</summary>
internal static class SigningKeyLoader
{
    // The options validator (at start) and the key ring both need the keys of one options instance: each PEM is
    // read, imported and thumbprinted once. A failed load is not kept, so every caller sees its exception.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JwtOptions, IReadOnlyList<LoadedKey>> Loaded = new();

    public static IReadOnlyList<LoadedKey> Load(JwtOptions options) => Loaded.GetValue(options, LoadUncached);

    private static IReadOnlyList<LoadedKey> LoadUncached(JwtOptions options)
    {
        if (!SigningAlgorithms.IsAsymmetric(options.Algorithm))
        {
            return [new LoadedKey(SigningKeyMaterial.FromSecret(options.SigningKey!), DateTimeOffset.MinValue)];
        }

        var keys = new List<LoadedKey>();
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var setting = $"Jwt:Keys:{i}";
            string pem;
            if (!string.IsNullOrWhiteSpace(key.Pem))
            {
                pem = key.Pem;
            }
            else if (!string.IsNullOrWhiteSpace(key.PemFile))
            {
                pem = ReadKeyFile(key.PemFile, $"{setting}:PemFile");
            }
            else
            {
                throw new InvalidSigningKeyException($"{setting} needs Pem or PemFile.");
            }

            keys.Add(Import(setting, pem, key.Algorithm, options.Algorithm, string.IsNullOrWhiteSpace(key.KeyId) ? null : key.KeyId, key.ActiveFrom));
        }

        if (!string.IsNullOrWhiteSpace(options.KeyDirectory))
        {
            foreach (var (path, activeFrom) in KeyDirectory.List(options.KeyDirectory))
            {
                keys.Add(Import($"Jwt:KeyDirectory '{path}'", ReadKeyFile(path, "Jwt:KeyDirectory"), algorithm: null, options.Algorithm, keyId: null, activeFrom));
            }
        }

        return [.. keys.OrderBy(k => k.ActiveFrom)];
    }

    private static LoadedKey Import(string setting, string pem, string? algorithm, string fallbackAlgorithm, string? keyId, DateTimeOffset? activeFrom)
    {
        if (algorithm is not null && !SigningAlgorithms.IsAsymmetric(algorithm))
        {
            throw new InvalidSigningKeyException($"{setting}:Algorithm must be RS256 or ES256; it is '{algorithm}'.");
        }

        var signsWith = algorithm ?? SigningKeyMaterial.DetectAlgorithm(pem) ?? fallbackAlgorithm;
        try
        {
            return new LoadedKey(SigningKeyMaterial.FromPem(pem, signsWith, keyId), activeFrom ?? DateTimeOffset.MinValue);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new InvalidSigningKeyException($"{setting} is not a usable {signsWith} private key in PEM: {e.Message}");
        }
    }

    /// <summary>
    /// Reads a key file, turning the ways it can fail into a start-up message that names the setting: a mounted
    /// secret owned by another user is the usual reason in containers, whose service user is not root.
    /// </summary>
    internal static string ReadKeyFile(string path, string setting)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidSigningKeyException($"{setting} '{path}' does not exist.");
        }
        catch (UnauthorizedAccessException)
        {
            throw new InvalidSigningKeyException(
                $"{setting} '{path}' cannot be read by the service's user ({Environment.UserName}): make the file readable by it, or give it a directory it owns (see README, Deploying).");
        }
        catch (IOException e)
        {
            throw new InvalidSigningKeyException($"{setting} '{path}' cannot be read: {e.Message}");
        }
    }

    internal sealed record LoadedKey(SigningKeyMaterial Material, DateTimeOffset ActiveFrom);
}

internal sealed class InvalidSigningKeyException(string message) : Exception(message);
