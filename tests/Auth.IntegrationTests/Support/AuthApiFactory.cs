using Auth.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.Support;

/// <summary>
/// The real service over a real database, the run's <see cref="TestDatabase"/> (a SQLite file, or a PostgreSQL
/// database). Each factory gets its own database unless it is handed another's (restart and multi-instance tests);
/// one it made itself is dropped with it.
/// </summary>
public sealed class AuthApiFactory : WebApplicationFactory<Program>
{
    public const string KeyId = "test-key-1";

    /// <summary>One RS256 key for the whole run: generating RSA keys is slow, and tests forge tokens with it.</summary>
    public static readonly string PrivateKeyPem = TestKeys.RsaPem();

    public static readonly string MfaEncryptionKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private readonly Dictionary<string, string?> settings;

    private readonly bool ownsDatabase;

    public AuthApiFactory(string? database = null, FakeTimeProvider? time = null, string environment = "Testing",
        IDictionary<string, string?>? settings = null, bool withSigningKey = true)
    {
        ownsDatabase = database is null;
        Database = database ?? TestDatabase.New();
        Time = time;
        Environment = environment;
        this.settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = TestDatabase.Provider,
            ["ConnectionStrings:Auth"] = TestDatabase.ConnectionString(Database),
            // The weakest OWASP row (m=7 MiB, t=5): same class of cost, less memory for parallel tests.
            ["PasswordHashing:MemoryKiB"] = "7168",
            ["PasswordHashing:Iterations"] = "5",
            ["Logging:LogLevel:Default"] = "Information",
            // Every test client shares one address; the rate limit has its own tests.
            ["RateLimiting:Enabled"] = "false",
            // Tests fire bursts of logins at a loaded machine on purpose; the hashing queue's time bound would answer
            // some 503 there. HashingWaitBoundTests turns it on where it is the subject.
            ["PasswordHashing:MaxQueueWait"] = "00:00:00",
            // Mail lands in a folder of its own, where tests read the links back (see Mailbox).
            ["Email:Transport"] = "Pickup",
            ["Email:PickupDirectory"] = MailDirectory,
            // One key for the run, so instances sharing a database read each other's TOTP secrets.
            ["Auth:Mfa:EncryptionKey"] = MfaEncryptionKey,
            // Admins need no second factor here, so the admin tests sign in with a password; MfaPolicyTests set it.
            ["Auth:Mfa:RequiredForRoles:0"] = "",
            // The origin the software authenticator signs for (RP id localhost, the default).
            ["Passkeys:Origins:0"] = SoftwareAuthenticator.DefaultOrigin,
        };
        if (withSigningKey)
        {
            this.settings["Jwt:Keys:0:KeyId"] = KeyId;
            this.settings["Jwt:Keys:0:Pem"] = PrivateKeyPem;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            this.settings[key] = value;
        }
    }

    /// <summary>The database: a SQLite file's path, or a PostgreSQL database's name (see <see cref="TestDatabase"/>).</summary>
    public string Database { get; }

    /// <summary>Where this instance's mail is written, one .eml file per message.</summary>
    public string MailDirectory { get; } = TestPaths.NewDirectory();

    public FakeTimeProvider? Time { get; }

    public string Environment { get; }

    public CapturedLogs Logs { get; } = new();

    public int DatabaseCommands => CommandCounter.Count;

    /// <summary>The SQL the service sent, in order (audit writes left out); index with <see cref="DatabaseCommands"/>.</summary>
    public IReadOnlyList<string> DatabaseCommandTexts => CommandCounter.Texts;

    internal CommandCounter CommandCounter { get; } = new();

    /// <summary>Runs <paramref name="action"/> against the service's own database, through its own EF Core model.</summary>
    public async Task<T> WithDatabaseAsync<T>(Func<AuthDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AuthDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            if (Time is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Time);
            }

            TestDatabase.AddInterceptor(services, CommandCounter);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
        {
            await TestDatabase.DropAsync(Database);
        }

        GC.SuppressFinalize(this);
    }
}
