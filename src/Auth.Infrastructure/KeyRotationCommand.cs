using System.Globalization;
using Auth.Infrastructure.Security.Tokens;
using Auth.Infrastructure.Security.Tokens.Keys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Auth.Infrastructure;

/// <summary>
/// <c>rotate-key [--algorithm ES256] [--active-from 2026-12-01T00:00:00Z | --active-in 01:00:00] [--if-empty]</c>:
/// writes a new signing key into <c>Jwt:KeyDirectory</c>. Runs before the service is built: it needs neither the
/// database nor a valid key set (an empty directory is what it fills).
/// </summary>
public static class KeyRotationCommand
{
    public const string CommandName = "rotate-key";

    public static bool IsCommandLine(string[] args) => args.Length > 0 && args[0] == CommandName;

    /// <returns>The process exit code.</returns>
    public static int Run(string[] args, IConfiguration configuration, IHostEnvironment environment, TimeProvider time, TextWriter output)
    {
        var jwt = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        if (string.IsNullOrWhiteSpace(jwt.KeyDirectory))
        {
            output.WriteLine("rotate-key needs Jwt:KeyDirectory (Jwt__KeyDirectory in the environment): the directory the service reads its keys from.");
            return 2;
        }

        var now = time.GetUtcNow();
        DateTimeOffset? activeFrom = null;
        if (OptionValue(args, "--active-from") is { } at)
        {
            if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                output.WriteLine($"--active-from '{at}' is not a time (2026-12-01T00:00:00Z).");
                return 2;
            }

            activeFrom = parsed;
        }
        else if (OptionValue(args, "--active-in") is { } lead)
        {
            if (!TimeSpan.TryParse(lead, CultureInfo.InvariantCulture, out var wait) || wait < TimeSpan.Zero)
            {
                output.WriteLine($"--active-in '{lead}' is not a duration (01:00:00).");
                return 2;
            }

            activeFrom = now + wait;
        }

        var algorithm = OptionValue(args, "--algorithm") ?? (SigningAlgorithms.IsAsymmetric(jwt.Algorithm) ? jwt.Algorithm : SigningAlgorithms.Rs256);
        try
        {
            var directory = Path.GetFullPath(jwt.KeyDirectory, environment.ContentRootPath);
            var outcome = KeyRotation.Rotate(directory, algorithm, activeFrom, onlyIfEmpty: args.Contains("--if-empty"), now);
            output.WriteLine(outcome.Message);
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            output.WriteLine($"rotate-key: {e.Message}");
            return 1;
        }
    }

    private static string? OptionValue(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
