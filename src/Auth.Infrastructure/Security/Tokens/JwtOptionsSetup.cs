using System.Security.Cryptography;
using Auth.Infrastructure.Security.Tokens.Keys;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Security.Tokens;

/// <summary>
/// Resolves the signing key: configured value, else a key file, else (Development only) a key generated once into
/// a git-ignored folder so tokens survive restarts. Nothing here is ever committed.
/// </summary>
internal sealed partial class JwtOptionsSetup(IHostEnvironment environment, ILogger<JwtOptionsSetup> logger) : IPostConfigureOptions<JwtOptions>
{
    private const string DevelopmentKeyFileName = "jwt-signing-key";

    public void PostConfigure(string? name, JwtOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.KeyDirectory))
        {
            options.KeyDirectory = Path.GetFullPath(options.KeyDirectory, environment.ContentRootPath);
        }

        if (SigningAlgorithms.IsAsymmetric(options.Algorithm))
        {
            if (options.Keys.Count == 0 && string.IsNullOrWhiteSpace(options.KeyDirectory) && environment.IsDevelopment())
            {
                var directory = Path.Combine(environment.ContentRootPath, options.DevelopmentKeyDirectory);
                options.Keys.Add(new SigningKeyOptions { PemFile = LoadOrCreateDevelopmentKeyPem(directory, options.Algorithm) });
            }

            return;
        }

        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(options.SigningKeyFile) && File.Exists(options.SigningKeyFile))
        {
            options.SigningKey = File.ReadAllText(options.SigningKeyFile).Trim();
            return;
        }

        if (environment.IsDevelopment() && string.IsNullOrWhiteSpace(options.SigningKeyFile))
        {
            options.SigningKey = LoadOrCreateDevelopmentKey(Path.Combine(environment.ContentRootPath, options.DevelopmentKeyDirectory));
        }
    }

    private string LoadOrCreateDevelopmentKey(string directory)
    {
        var path = Path.Combine(directory, DevelopmentKeyFileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        WritePrivateFile(directory, path, key);
        LogGeneratedKey(path);
        return key;
    }

    private static void WritePrivateFile(string directory, string path, string content)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private string LoadOrCreateDevelopmentKeyPem(string directory, string algorithm)
    {
        var path = Path.Combine(directory, $"jwt-{algorithm.ToLowerInvariant()}.pem");
        if (!File.Exists(path))
        {
            WritePrivateFile(directory, path, SigningKeyMaterial.GeneratePem(algorithm));
            LogGeneratedKey(path);
        }

        return path;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No signing key configured: generated a development signing key at {KeyPath}")]
    private partial void LogGeneratedKey(string keyPath);
}
