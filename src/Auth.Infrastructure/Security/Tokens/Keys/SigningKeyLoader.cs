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
                pem = ReadPemFile(key.PemFile, $"{setting}:PemFile");
            }
            else
            {
                throw new InvalidSigningKeyException($"{setting} needs Pem or PemFile.");
            }

            try
            {
                var material = SigningKeyMaterial.FromPem(pem, options.Algorithm, string.IsNullOrWhiteSpace(key.KeyId) ? null : key.KeyId);
                keys.Add(new LoadedKey(material, key.ActiveFrom ?? DateTimeOffset.MinValue));
            }
            catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or ArgumentException)
            {
                throw new InvalidSigningKeyException($"{setting} is not a usable {options.Algorithm} private key in PEM: {e.Message}");
            }
        }

        return [.. keys.OrderBy(k => k.ActiveFrom)];
    }

    // A file the service's user may not read (a secret mounted with the host's owner and mode 600) is a setting
    // problem, not a crash: the message names the setting and the cause.
    private static string ReadPemFile(string path, string setting)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidSigningKeyException($"{setting} '{path}' does not exist.");
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InvalidSigningKeyException($"{setting} '{path}' cannot be read by this process: {e.Message}");
        }
    }

    internal sealed record LoadedKey(SigningKeyMaterial Material, DateTimeOffset ActiveFrom);
}

internal sealed class InvalidSigningKeyException(string message) : Exception(message);
