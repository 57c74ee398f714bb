using System.Net;
using Auth.Infrastructure.Security.Tokens;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Auth.BrowserTests.Support;

/// <summary>
/// The real service on a loopback port, over its own SQLite file: a browser needs a socket, which the in-memory test
/// server does not have. Development, as <c>dotnet run</c> starts it, so Swagger UI is served.
/// </summary>
internal sealed class KestrelApi : WebApplicationFactory<Program>
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "auth-browser-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> settings;

    private readonly TimeSpan? accessTokenLifetime;

    /// <param name="settings">Configuration on top of the test defaults.</param>
    /// <param name="accessTokenLifetime">
    /// Shorter than the one-minute floor the service enforces, so a test can watch tokens expire within seconds.
    /// </param>
    public KestrelApi(IDictionary<string, string?>? settings = null, TimeSpan? accessTokenLifetime = null)
    {
        this.accessTokenLifetime = accessTokenLifetime;
        Directory.CreateDirectory(directory);
        this.settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Auth"] = $"Data Source={Path.Combine(directory, "auth.db")}",
            ["Jwt:DevelopmentKeyDirectory"] = Path.Combine(directory, "keys"),
            ["Auth:Mfa:EncryptionKeyFile"] = Path.Combine(directory, "keys", "mfa-encryption.key"),
            ["Jwt:ClockSkew"] = "00:00:00",
            // The weakest OWASP row: the same kind of cost, less memory while a browser runs beside it.
            ["PasswordHashing:MemoryKiB"] = "7168",
            ["PasswordHashing:Iterations"] = "5",
            // Every page shares one address; the rate limit has its own tests.
            ["RateLimiting:Enabled"] = "false",
            ["Email:Transport"] = "Pickup",
            ["Email:PickupDirectory"] = MailDirectory,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            this.settings[key] = value;
        }

        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    /// <summary>For example <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>The pickup folder: one .eml file per mail the service sent.</summary>
    public string MailDirectory => Path.Combine(directory, "mail");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (accessTokenLifetime is { } lifetime)
        {
            builder.ConfigureTestServices(services =>
            {
                // The validator refuses lifetimes under a minute (sensible in production); this host is a test's.
                services.RemoveAll<IValidateOptions<JwtOptions>>();
                services.PostConfigure<JwtOptions>(o => o.AccessTokenLifetime = lifetime);
            });
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned up eventually anyway.
        }
    }
}
