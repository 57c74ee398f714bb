using System.Globalization;

namespace Auth.Infrastructure.Security.Tokens.Keys;

/// <summary>
/// <c>Jwt:KeyDirectory</c>: every <c>*.pem</c> file in it is a signing key, its algorithm read from the key. A name
/// that starts with a UTC time (<c>20261201T000000Z.pem</c>, as <c>rotate-key</c> writes) is when the key starts
/// signing; any other name means "since always". Rotating is adding a file; retiring is deleting one.
/// </summary>
public static class KeyDirectory
{
    private const string TimeFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The key files, oldest activation first, with when each starts signing.</summary>
    public static IReadOnlyList<(string Path, DateTimeOffset ActiveFrom)> List(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new InvalidSigningKeyException($"Jwt:KeyDirectory '{directory}' does not exist.");
        }

        try
        {
            return [.. Directory.EnumerateFiles(directory, "*.pem")
                .Select(path => (path, ActiveFrom(Path.GetFileNameWithoutExtension(path))))
                .OrderBy(key => key.Item2)
                .ThenBy(key => key.path, StringComparer.Ordinal)];
        }
        catch (UnauthorizedAccessException)
        {
            throw new InvalidSigningKeyException($"Jwt:KeyDirectory '{directory}' cannot be read by the service's user ({Environment.UserName}).");
        }
    }

    /// <summary>Writes a new private key that starts signing at <paramref name="activeFrom"/>, readable by this user only.</summary>
    /// <returns>The file written.</returns>
    public static string Write(string directory, string pem, DateTimeOffset activeFrom)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, activeFrom.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) + ".pem");
        if (File.Exists(path))
        {
            throw new IOException($"{path} already exists.");
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, pem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // Whole or absent: an instance starting meanwhile never reads half a key.
        File.Move(temporary, path);
        return path;
    }

    private static DateTimeOffset ActiveFrom(string name) =>
        name.Length >= 16 && DateTime.TryParseExact(name[..16], TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : DateTimeOffset.MinValue;
}
