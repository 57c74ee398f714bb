using System.Net;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Deployment;

public sealed class DevelopmentExperienceTests
{
    [Test]
    public async Task Swagger_ui_and_document_are_served_in_development_with_every_endpoint_and_a_bearer_scheme()
    {
        await using var factory = DevelopmentFactory.Create();
        using var client = factory.CreateClient();

        var ui = await client.GetAsync("/swagger/index.html");
        var document = await (await client.GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync();

        Assert.That(ui.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.That(paths, Is.SupersetOf(new[] { "/auth/ping", "/auth/signup", "/auth/login", "/auth/logout", "/auth/user" }));
        Assert.That(document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString(), Is.EqualTo("bearer"));
        var signupResponses = document.GetProperty("paths").GetProperty("/auth/signup").GetProperty("post").GetProperty("responses");
        Assert.That(signupResponses.EnumerateObject().Select(r => r.Name), Is.SupersetOf(new[] { "201", "400", "409" }));
        Assert.That(document.GetProperty("paths").GetProperty("/auth/user").GetProperty("get").TryGetProperty("security", out _), Is.True);
    }

    [Test]
    public async Task Every_operation_that_reads_a_body_declares_413_and_415()
    {
        await using var factory = DevelopmentFactory.Create();
        using var client = factory.CreateClient();

        var document = await (await client.GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync();

        var missing = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name} {path.Name}", Op: op.Value)))
            .Where(o => o.Op.TryGetProperty("requestBody", out _))
            .Where(o => !o.Op.GetProperty("responses").TryGetProperty("413", out _) || !o.Op.GetProperty("responses").TryGetProperty("415", out _))
            .Select(o => o.Name)
            .ToArray();
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public async Task Swagger_is_not_served_outside_development()
    {
        await using var factory = new AuthApiFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/swagger/v1/swagger.json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Development_generates_a_signing_key_once_and_tokens_survive_a_restart()
    {
        var keys = TestPaths.NewDirectory();
        var database = TestDatabase.New();
        string token;
        await using (var first = DevelopmentFactory.Create(keys, database))
        {
            using var client = first.CreateClient();
            token = (await client.SignUpAsync()).AccessToken;
        }

        await using var second = DevelopmentFactory.Create(keys, database);
        using var again = second.CreateClient();
        var response = await again.GetUserAsync(token);

        var keyFile = Path.Combine(keys, "jwt-rs256.pem");
        Assert.That(File.Exists(keyFile), Is.True);
        Assert.That(await File.ReadAllTextAsync(keyFile), Does.StartWith("-----BEGIN PRIVATE KEY-----"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void Outside_development_a_missing_signing_key_stops_the_service_naming_the_setting()
    {
        using var factory = new AuthApiFactory(withSigningKey: false);

        var error = Assert.Catch(() => factory.CreateClient());

        Assert.That(error!.ToString(), Does.Contain("Jwt:Keys must list at least one RS256 private key"));
    }

    [Test]
    public void A_short_signing_key_stops_the_service_naming_the_setting()
    {
        using var factory = new AuthApiFactory(withSigningKey: false, settings: new Dictionary<string, string?>
        {
            ["Jwt:Algorithm"] = "HS256",
            ["Jwt:SigningKey"] = "too-short",
        });

        var error = Assert.Catch(() => factory.CreateClient());

        Assert.That(error!.ToString(), Does.Contain("Jwt:SigningKey must be at least 32 characters"));
    }

    [Test]
    public void Password_hashing_below_owasp_parameters_stops_the_service()
    {
        using var factory = new AuthApiFactory(settings: new Dictionary<string, string?> { ["PasswordHashing:MemoryKiB"] = "1024" });

        var error = Assert.Catch(() => factory.CreateClient());

        Assert.That(error!.ToString(), Does.Contain("PasswordHashing:MemoryKiB"));
    }

    [Test]
    public void A_revocation_poll_interval_of_zero_stops_the_service()
    {
        using var factory = new AuthApiFactory(settings: new Dictionary<string, string?> { ["Revocation:PollInterval"] = "00:00:00" });

        var error = Assert.Catch(() => factory.CreateClient());

        Assert.That(error!.ToString(), Does.Contain("Revocation:PollInterval"));
    }
}
