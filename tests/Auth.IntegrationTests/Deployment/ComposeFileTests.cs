using System.Reflection;
using Auth.Api.Http;
using Auth.Infrastructure.Persistence;
using Auth.Infrastructure.Revocation;
using Auth.Infrastructure.Security;
using Auth.Infrastructure.Security.Passwords;
using Auth.Infrastructure.Security.Tokens;
using YamlDotNet.RepresentationModel;

namespace Auth.IntegrationTests.Deployment;

/// <summary>docker compose cannot run here; this checks that what it configures is what the service reads.</summary>
public sealed class ComposeFileTests
{
    private static readonly (string Section, Type Options)[] OptionSections =
    [
        (DatabaseOptions.Section, typeof(DatabaseOptions)),
        (JwtOptions.Section, typeof(JwtOptions)),
        (PasswordHashingOptions.Section, typeof(PasswordHashingOptions)),
        (RevocationOptions.Section, typeof(RevocationOptions)),
        (LockoutOptions.Section, typeof(LockoutOptions)),
        (CorsSettings.Section, typeof(CorsSettings)),
        (RateLimitSettings.Section, typeof(RateLimitSettings)),
    ];

    [Test]
    public void Every_setting_the_api_container_gets_is_one_the_service_reads()
    {
        var environment = ApiEnvironment();
        var known = KnownKeys();

        var unknown = environment.Keys
            .Where(key => !key.StartsWith("ASPNETCORE_", StringComparison.Ordinal) && !key.StartsWith("DOTNET_", StringComparison.Ordinal))
            .Select(key => key.Replace("__", ":", StringComparison.Ordinal))
            .Where(key => !known.Contains(StripArrayIndex(key)))
            .ToArray();

        Assert.That(environment, Is.Not.Empty);
        Assert.That(unknown, Is.Empty, $"keys the service does not read: {string.Join(", ", unknown)}");
    }

    [Test]
    public void The_known_keys_check_can_fail()
    {
        Assert.That(KnownKeys(), Does.Not.Contain("Jwt:SigningSecret"));
        Assert.That(KnownKeys(), Does.Contain("Jwt:SigningKey"));
    }

    [Test]
    public void The_api_runs_on_sql_server_and_waits_for_a_healthy_database()
    {
        var services = (YamlMappingNode)Compose()["services"];
        var api = (YamlMappingNode)services["api"];
        var sqlServer = (YamlMappingNode)services["sqlserver"];

        Assert.That(ApiEnvironment()["Database__Provider"], Is.EqualTo("SqlServer"));
        Assert.That(ApiEnvironment()["ConnectionStrings__Auth"], Does.Contain("Server=sqlserver"));
        Assert.That(((YamlMappingNode)((YamlMappingNode)api["depends_on"])["sqlserver"])["condition"].ToString(), Is.EqualTo("service_healthy"));
        Assert.That(sqlServer["image"].ToString(), Does.StartWith("mcr.microsoft.com/mssql/server:2022"));
        Assert.That(sqlServer.Children.ContainsKey("healthcheck"), Is.True);
        Assert.That(api.Children.ContainsKey("build"), Is.True, "the api is built from the repository Dockerfile");
    }

    [Test]
    public void No_signing_key_is_committed_in_the_compose_file()
    {
        var key = ApiEnvironment()["Jwt__SigningKey"];

        Assert.That(key, Does.StartWith("${JWT_SIGNING_KEY"));
    }

    private static HashSet<string> KnownKeys()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { $"ConnectionStrings:{DatabaseOptions.ConnectionStringName}" };
        foreach (var (section, type) in OptionSections)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                keys.Add($"{section}:{property.Name}");
            }
        }

        return keys;
    }

    private static string StripArrayIndex(string key)
    {
        var last = key.LastIndexOf(':');
        return last > 0 && int.TryParse(key[(last + 1)..], out _) ? key[..last] : key;
    }

    private static Dictionary<string, string> ApiEnvironment()
    {
        var api = (YamlMappingNode)((YamlMappingNode)Compose()["services"])["api"];
        return api["environment"] switch
        {
            YamlMappingNode map => map.Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString()),
            YamlSequenceNode list => list.Children.Select(n => n.ToString().Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : ""),
            _ => [],
        };
    }

    private static YamlMappingNode Compose()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryRoot(), "docker-compose.yml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Auth.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Auth.sln not found above the test output.");
    }
}
