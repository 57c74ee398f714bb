using System.Net;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Mfa;

/// <summary>Every <c>/admin</c> write of an administrator with a second factor needs a session that signed in with it.</summary>
public sealed class AdminStepUpTests
{
    private const string AdminEmail = "stepup-admin@example.com";
    private AuthApiFactory factory = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = MfaFlows.CreateFactory(settings: new Dictionary<string, string?> { ["Auth:Bootstrap:AdminEmail"] = AdminEmail });
        client = factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Test]
    public async Task An_admin_session_from_before_totp_was_on_is_refused_every_write_and_a_two_factor_session_is_not()
    {
        var admin = await factory.SignUpAdminAsync(client, AdminEmail);
        var enrolled = await factory.EnrolTotpAsync(client, admin.AccessToken);
        var target = await client.SignUpAsync();
        var targetId = (await (await client.GetUserAsync(target.AccessToken)).ReadJsonAsync()).GetProperty("id").GetGuid();

        (HttpMethod Method, string Path, object? Body)[] writes =
        [
            (HttpMethod.Post, $"/admin/users/{targetId}/roles", new { role = "admin" }),
            (HttpMethod.Delete, $"/admin/users/{targetId}/roles/admin", null),
            (HttpMethod.Post, $"/admin/users/{targetId}/disable", null),
            (HttpMethod.Post, $"/admin/users/{targetId}/enable", null),
            (HttpMethod.Delete, $"/admin/users/{targetId}/sessions", null),
            (HttpMethod.Delete, $"/admin/users/{targetId}/mfa", null),
            (HttpMethod.Patch, $"/admin/users/{targetId}", new { email = ApiClientExtensions.NewEmail() }),
        ];
        foreach (var (method, path, body) in writes)
        {
            var refused = await client.SendWithTokenAsync(method, path, admin.AccessToken, body);
            await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "mfa_step_up_required");
        }

        var read = await client.SendWithTokenAsync(HttpMethod.Get, $"/admin/users/{targetId}", admin.AccessToken);
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), "reads need no step-up");
        var stepped = await factory.SignInWithTotpAsync(client, AdminEmail, enrolled.Secret);
        var disabled = await client.SendWithTokenAsync(HttpMethod.Post, $"/admin/users/{targetId}/disable", stepped.AccessToken);
        Assert.That(disabled.StatusCode, Is.EqualTo(HttpStatusCode.OK), await disabled.Content.ReadAsStringAsync());
    }
}
