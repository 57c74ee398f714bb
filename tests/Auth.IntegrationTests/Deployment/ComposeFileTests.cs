using System.Reflection;
using Auth.Api.Http;
using Auth.Infrastructure.Accounts;
using Auth.Infrastructure.Audit;
using Auth.Infrastructure.Mail;
using Auth.Infrastructure.Persistence;
using Auth.Infrastructure.Revocation;
using Auth.Infrastructure.Security;
using Auth.Infrastructure.Security.Passwords;
using Auth.Infrastructure.Security.Tokens;
using Auth.IntegrationTests.Support;
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
        (AccountOptions.Section, typeof(AccountOptions)),
        (Auth.Infrastructure.Security.Mfa.MfaOptions.Section, typeof(Auth.Infrastructure.Security.Mfa.MfaOptions)),
        (EmailOptions.Section, typeof(EmailOptions)),
        (AuditOptions.Section, typeof(AuditOptions)),
        (Auth.Api.Telemetry.TelemetryOptions.Section, typeof(Auth.Api.Telemetry.TelemetryOptions)),
        (ForwardedHeadersSettings.Section, typeof(ForwardedHeadersSettings)),
        (HttpsSettings.Section, typeof(HttpsSettings)),
    ];

    [Test]
    public void Every_setting_the_api_container_gets_is_one_the_service_reads()
    {
        var environment = ApiEnvironment();
        var known = KnownKeys();

        var unknown = environment.Keys
            .Where(key => !key.StartsWith("ASPNETCORE_", StringComparison.Ordinal) && !key.StartsWith("DOTNET_", StringComparison.Ordinal))
            .Select(key => key.Replace("__", ":", StringComparison.Ordinal))
            .Where(key => !known.Contains(WithoutIndexes(key)))
            .ToArray();

        Assert.That(environment, Is.Not.Empty);
        Assert.That(unknown, Is.Empty, $"keys the service does not read: {string.Join(", ", unknown)}");
    }

    [Test]
    public void The_known_keys_check_can_fail()
    {
        Assert.That(KnownKeys(), Does.Not.Contain("Jwt:SigningSecret"));
        Assert.That(KnownKeys(), Does.Not.Contain("Jwt:Keys:Path"));
        Assert.That(KnownKeys(), Does.Contain("Jwt:SigningKey"));
        Assert.That(KnownKeys(), Does.Contain("Jwt:Keys:PemFile"));
        Assert.That(WithoutIndexes("Jwt:Keys:0:PemFile"), Is.EqualTo("Jwt:Keys:PemFile"));
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
    public void The_postgres_profile_runs_an_api_on_postgresql_reading_only_settings_the_service_reads()
    {
        var services = (YamlMappingNode)Compose()["services"];
        var api = (YamlMappingNode)services["api-postgres"];
        var postgres = (YamlMappingNode)services["postgres"];
        var environment = Environment(api);
        var known = KnownKeys();

        Assert.Multiple(() =>
        {
            Assert.That(Profiles(api), Is.EqualTo(new[] { "postgres" }));
            Assert.That(Profiles(postgres), Is.EqualTo(new[] { "postgres" }));
            Assert.That(services.Children.ContainsKey("api") && !((YamlMappingNode)services["api"]).Children.ContainsKey("profiles"), Is.True, "SQL Server stays the default");
            Assert.That(environment["Database__Provider"], Is.EqualTo("Postgres"));
            Assert.That(environment["ConnectionStrings__Auth"], Does.StartWith("Host=postgres;"));
            Assert.That(((YamlMappingNode)((YamlMappingNode)api["depends_on"])["postgres"])["condition"].ToString(), Is.EqualTo("service_healthy"));
            Assert.That(postgres["image"].ToString(), Is.EqualTo("postgres:15"));
            Assert.That(environment.Keys.Select(k => k.Replace("__", ":", StringComparison.Ordinal))
                .Where(k => !k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) && !known.Contains(WithoutIndexes(k))), Is.Empty);
        });
    }

    [Test]
    public void The_api_sends_mail_to_mailpit_whose_web_ui_is_published()
    {
        var services = (YamlMappingNode)Compose()["services"];
        var mailpit = (YamlMappingNode)services["mailpit"];
        var environment = ApiEnvironment();

        Assert.That(mailpit["image"].ToString(), Does.StartWith("axllent/mailpit"));
        Assert.That(((YamlSequenceNode)mailpit["ports"]).Children.Select(p => p.ToString()), Does.Contain("8025:8025"));
        Assert.That(environment["Email__Transport"], Is.EqualTo("Smtp"));
        Assert.That(environment["Email__Smtp__Host"], Is.EqualTo("mailpit"));
        Assert.That(environment["Email__Smtp__Port"], Is.EqualTo("1025"));
    }

    [Test]
    public void The_signing_key_lives_in_a_named_volume_whose_directory_the_images_user_owns()
    {
        var services = (YamlMappingNode)Compose()["services"];
        var api = (YamlMappingNode)services["api"];
        var keys = (YamlMappingNode)services["keys"];
        var directory = ApiEnvironment()["Jwt__KeyDirectory"];
        var mount = ((YamlSequenceNode)api["volumes"]).Children.Select(v => v.ToString()).Single(v => v.EndsWith(":" + directory, StringComparison.Ordinal));
        var volume = mount[..mount.IndexOf(':', StringComparison.Ordinal)];

        Assert.That(((YamlMappingNode)Compose()["volumes"]).Children.Keys.Select(k => k.ToString()), Does.Contain(volume),
            "a named volume, not a bind mount that keeps the host's owner and mode");
        Assert.That(ApiEnvironment().Keys.Where(k => k.StartsWith("Jwt__Keys__", StringComparison.Ordinal) || k == "Jwt__SigningKey"), Is.Empty);
        Assert.That(((YamlSequenceNode)keys["volumes"]).Children.Select(v => v.ToString()), Does.Contain(mount));
        Assert.That(((YamlSequenceNode)keys["command"]).Children.Select(c => c.ToString()), Is.EqualTo(new[] { "rotate-key", "--if-empty" }));
        Assert.That(Environment(keys)["Jwt__KeyDirectory"], Is.EqualTo(directory));
        Assert.That(keys["image"].ToString(), Is.EqualTo(api["image"].ToString()), "the key is written by the image's own user");
        Assert.That(((YamlMappingNode)((YamlMappingNode)api["depends_on"])["keys"])["condition"].ToString(), Is.EqualTo("service_completed_successfully"));
        Assert.That(ImageUserOwnedDirectories(), Does.Contain(directory),
            "Docker copies the image directory's owner into a new named volume: the runtime image must create it for $APP_UID");
    }

    [Test]
    public void The_runtime_image_check_sees_only_directories_created_for_its_user_before_switching_to_it()
    {
        Assert.That(ImageUserOwnedDirectories(), Does.Not.Contain("/app"));
        Assert.That(ImageUserOwnedDirectories(), Does.Not.Contain("/source"));
    }

    [Test]
    public void The_metrics_profile_runs_prometheus_scraping_the_apis_metrics_endpoint()
    {
        var prometheus = (YamlMappingNode)((YamlMappingNode)Compose()["services"])["prometheus"];
        var config = ((YamlSequenceNode)prometheus["volumes"]).Children.Select(v => v.ToString()).Single(v => v.Contains("prometheus.yml", StringComparison.Ordinal));
        var scrape = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot(), config[..config.IndexOf(':', StringComparison.Ordinal)]));

        Assert.That(((YamlSequenceNode)prometheus["profiles"]).Children.Select(p => p.ToString()), Is.EqualTo(new[] { "metrics" }), "optional");
        Assert.That(ApiEnvironment()["Telemetry__Prometheus__Enabled"], Is.EqualTo("true"));
        Assert.That(scrape, Does.Contain("metrics_path: /metrics").And.Contain("\"api:8080\""));
    }

    [Test]
    public void The_cors_origins_include_the_sample_apps_origin()
    {
        var config = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot(), "samples", "react", "vite.config.ts"));
        var served = System.Text.RegularExpressions.Regex.Match(config, @"server: \{[^}]*host: '(?<host>[^']+)',\s*port: (?<port>\d+)");
        var origins = ApiEnvironment().Where(p => p.Key.StartsWith("Cors__AllowedOrigins__", StringComparison.Ordinal)).Select(p => p.Value).ToArray();

        Assert.That(served.Success, Is.True, $"the React sample's dev server settings changed: {config}");
        Assert.That(origins, Does.Contain($"http://{served.Groups["host"].Value}:{served.Groups["port"].Value}"));
        Assert.That(origins, Does.Contain($"http://localhost:{served.Groups["port"].Value}"), "the README's cookie-mode origin");
    }

    private static HashSet<string> KnownKeys()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { $"ConnectionStrings:{DatabaseOptions.ConnectionStringName}" };
        foreach (var (section, type) in OptionSections)
        {
            AddKeys(keys, section, type);
        }

        return keys;
    }

    private static void AddKeys(HashSet<string> keys, string prefix, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = $"{prefix}:{property.Name}";
            keys.Add(key);
            // A nested settings object (Email:Smtp) or a list of them (Jwt:Keys) contributes its own properties.
            var element = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
            if (element is { IsClass: true } && element != typeof(string))
            {
                AddKeys(keys, key, element);
            }
        }
    }

    private static string WithoutIndexes(string key) =>
        string.Join(':', key.Split(':').Where(segment => !int.TryParse(segment, out _)));

    /// <summary>
    /// Directories the runtime stage of the Dockerfile creates and hands to <c>$APP_UID</c> before its
    /// <c>USER $APP_UID</c> line (the service's user from then on).
    /// </summary>
    private static HashSet<string> ImageUserOwnedDirectories()
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot(), "Dockerfile"));
        var runtime = lines.Skip(Array.FindLastIndex(lines, l => l.StartsWith("FROM ", StringComparison.Ordinal))).ToArray();
        var userLine = Array.FindIndex(runtime, l => l.Trim() == "USER $APP_UID");
        Assert.That(userLine, Is.GreaterThan(0), "the runtime image runs as the non-root app user");
        Assert.That(runtime.Skip(userLine + 1).Where(l => l.StartsWith("USER ", StringComparison.Ordinal)), Is.Empty);
        var owned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in runtime.Take(userLine).Where(l => l.StartsWith("RUN ", StringComparison.Ordinal)))
        {
            var created = System.Text.RegularExpressions.Regex.Matches(run, @"mkdir -p (?<dir>/\S+)").Select(m => m.Groups["dir"].Value);
            owned.UnionWith(created.Where(dir => run.Contains($"chown $APP_UID {dir}", StringComparison.Ordinal)));
        }

        return owned;
    }

    private static string[] Profiles(YamlMappingNode service) =>
        [.. ((YamlSequenceNode)service["profiles"]).Children.Select(p => p.ToString())];

    private static Dictionary<string, string> ApiEnvironment() =>
        Environment((YamlMappingNode)((YamlMappingNode)Compose()["services"])["api"]);

    private static Dictionary<string, string> Environment(YamlMappingNode service)
    {
        var api = service;
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
        using var reader = new StreamReader(Path.Combine(TestPaths.RepositoryRoot(), "docker-compose.yml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
