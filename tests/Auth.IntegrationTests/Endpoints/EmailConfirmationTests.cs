using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.Endpoints;

public sealed class EmailConfirmationTests
{
    private AuthApiFactory factory = null!;
    private HttpClient client = null!;

    [SetUp]
    public void Start()
    {
        factory = new AuthApiFactory(time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        client = factory.CreateClient();
    }

    [TearDown]
    public async Task Stop()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Test]
    public async Task Signup_mails_a_confirmation_link_with_text_and_html_parts_pointing_at_the_frontend()
    {
        var user = await client.SignUpAsync(name: "Ada <script>");

        var mail = (await factory.WaitForAsync(user.Email)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(mail.Subject, Is.EqualTo("Confirm your email address"));
            Assert.That(mail.TextBody, Does.Contain("http://localhost:3000/confirm-email?token="));
            Assert.That(mail.HtmlBody, Does.Contain("href=\"http://localhost:3000/confirm-email?token="));
            Assert.That(mail.HtmlBody, Does.Not.Contain("Ada").And.Not.Contain("<script>"), "the display name is not in the mail");
            Assert.That(mail.Token(), Has.Length.EqualTo(43), "256 bits, base64url");
        });
    }

    [Test]
    public async Task The_mailed_token_confirms_the_email_once()
    {
        var user = await client.SignUpAsync();
        var token = await factory.TokenMailedToAsync(user.Email);

        var first = await client.PostAsJsonAsync("/auth/email/confirm", new { token });
        var again = await client.PostAsJsonAsync("/auth/email/confirm", new { token });
        var me = await (await client.GetUserAsync(user.AccessToken)).ReadJsonAsync();

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(me.GetProperty("emailConfirmed").GetBoolean(), Is.True);
        await again.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
    }

    [Test]
    public async Task Of_two_concurrent_uses_of_one_token_exactly_one_succeeds()
    {
        var user = await client.SignUpAsync();
        var token = await factory.TokenMailedToAsync(user.Email);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsJsonAsync("/auth/email/confirm", new { token })));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.NoContent), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest), Is.EqualTo(3));
    }

    [Test]
    public async Task An_expired_token_is_refused()
    {
        var user = await client.SignUpAsync();
        var token = await factory.TokenMailedToAsync(user.Email);

        factory.Time!.Advance(TimeSpan.FromHours(48) + TimeSpan.FromSeconds(1));
        var response = await client.PostAsJsonAsync("/auth/email/confirm", new { token });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
    }

    [TestCase("not-a-token-we-issued")]
    [TestCase("")]
    public async Task An_unknown_or_empty_token_is_refused(string token)
    {
        var response = await client.PostAsJsonAsync("/auth/email/confirm", new { token });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, token.Length == 0 ? "validation_failed" : "invalid_account_token");
    }

    [Test]
    public async Task Resend_answers_202_and_mails_a_new_working_link()
    {
        var user = await client.SignUpAsync();
        await factory.WaitForAsync(user.Email);

        var response = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/email/resend", user.AccessToken);
        var token = await factory.TokenMailedToAsync(user.Email, count: 2);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((await client.PostAsJsonAsync("/auth/email/confirm", new { token })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task Resend_needs_a_bearer_token()
    {
        var response = await client.PostAsync("/auth/email/resend", null);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task Resend_is_rate_limited_per_client()
    {
        await using var limited = new AuthApiFactory(settings: new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:EmailPermitLimit"] = "2",
        });
        using var limitedClient = limited.CreateClient();
        var user = await limitedClient.SignUpAsync();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await limitedClient.SendWithTokenAsync(HttpMethod.Post, "/auth/email/resend", user.AccessToken);
            statuses.Add(last.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests }));
        Assert.That(last.Headers.RetryAfter, Is.Not.Null);
    }

    [Test]
    public async Task Resends_per_account_stop_at_the_hourly_cap_whatever_client_asks()
    {
        var user = await client.SignUpAsync();

        // The signup's mail counts: three resends fill the default four an hour.
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/email/resend", user.AccessToken);
            statuses.Add(last.StatusCode);
        }

        var mails = await factory.WaitForAsync(user.Email, count: 4);
        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests }));
        await last.AssertProblemAsync(HttpStatusCode.TooManyRequests, "confirmation_mail_limit");
        Assert.That(last.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.FromMinutes(59)).And.LessThanOrEqualTo(TimeSpan.FromHours(1)));
        Assert.That(mails, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task When_confirmation_is_required_an_unconfirmed_login_gets_403_but_only_with_the_right_password()
    {
        await using var strict = new AuthApiFactory(settings: new Dictionary<string, string?> { ["Auth:RequireConfirmedEmail"] = "true" });
        using var strictClient = strict.CreateClient();
        var user = await strictClient.SignUpAsync();

        var unconfirmed = await strictClient.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });
        var wrongPassword = await strictClient.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "wrong password" });
        await strictClient.PostAsJsonAsync("/auth/email/confirm", new { token = await strict.TokenMailedToAsync(user.Email) });
        var confirmed = await strictClient.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });

        await unconfirmed.AssertProblemAsync(HttpStatusCode.Forbidden, "email_not_confirmed");
        await wrongPassword.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
