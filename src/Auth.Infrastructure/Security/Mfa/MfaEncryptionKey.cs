using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Security.Mfa;

/// <summary>
/// Resolves the key that protects second-factor secrets: the configured value, else the key file, which is created
/// with a fresh key at first start (mode 600, like the development signing key). Every instance sharing a database
/// must share the key: point <c>Auth:Mfa:EncryptionKeyFile</c> at a shared volume or set the value.
/// </summary>
internal sealed partial class MfaEncryptionKey(IHostEnvironment environment, ILogger<MfaEncryptionKey> logger) : IPostConfigureOptions<MfaOptions>
{
    public const int KeyBytes = 32;

    public static byte[]? Decode(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var buffer = new byte[KeyBytes + 1];
        return Convert.TryFromBase64String(key.Trim(), buffer, out var written) && written == KeyBytes ? buffer[..KeyBytes] : null;
    }

    public void PostConfigure(string? name, MfaOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.EncryptionKey) || string.IsNullOrWhiteSpace(options.EncryptionKeyFile))
        {
            return;
        }

        options.EncryptionKeyFile = Path.GetFullPath(options.EncryptionKeyFile, environment.ContentRootPath);
        try
        {
            options.EncryptionKey = ReadOrCreate(options.EncryptionKeyFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left empty: the validator reports the setting, and the service does not start.
            LogUnreadable(options.EncryptionKeyFile, e.Message);
        }
    }

    private string ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));
        try
        {
            // CreateNew: of instances starting together on a shared volume, one writes and the others read its key.
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(path, create);
            using var writer = new StreamWriter(stream);
            writer.Write(key);
        }
        catch (IOException) when (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        LogGeneratedKey(path);
        return key;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No MFA encryption key configured: generated one at {KeyPath}. Back it up with the database; every instance needs the same key")]
    private partial void LogGeneratedKey(string keyPath);

    [LoggerMessage(Level = LogLevel.Error, Message = "The MFA encryption key file {KeyPath} cannot be read or created: {Reason}")]
    private partial void LogUnreadable(string keyPath, string reason);
}
