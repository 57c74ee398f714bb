using System.Security.Cryptography;
using Auth.Application;
using Auth.Infrastructure;
using Auth.Infrastructure.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Auth.Benchmarks;

/// <summary>
/// The service's own composition (AddApplication + AddInfrastructure) with the options' own defaults (which
/// appsettings.json repeats) and a fresh RS256 key, so benchmarks measure the objects requests use, configured alike
/// and following any change of a default.
/// </summary>
internal static class BenchHost
{
    public static ServiceProvider Create()
    {
        using var rsa = RSA.Create(2048);
        var directory = Path.Combine(Path.GetTempPath(), "auth-benchmarks");
        Directory.CreateDirectory(directory);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:SqliteFile"] = Path.Combine(directory, "unused.db"),
            ["Jwt:Keys:0:KeyId"] = "bench",
            ["Jwt:Keys:0:Pem"] = rsa.ExportPkcs8PrivateKeyPem(),
            // No SMTP host by default: the telemetry meter reads the mail queue, whose options must validate.
            ["Email:Transport"] = "Pickup",
            ["Email:PickupDirectory"] = Path.Combine(directory, "mail"),
            ["Auth:Mfa:EncryptionKeyFile"] = Path.Combine(directory, "mfa-encryption.key"),
        }).Build();
        var services = new ServiceCollection();
        var environment = new Environment(directory);
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddApplication().AddInfrastructure(configuration, environment);
        services.AddTokenAuthentication();
        return services.BuildServiceProvider();
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "Auth.Benchmarks";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
