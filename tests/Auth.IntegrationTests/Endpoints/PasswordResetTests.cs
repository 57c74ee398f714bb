using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.Endpoints;

public sealed class PasswordResetTests
{
    private const string NewPassword = "a brand new passphrase";

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
    public async Task Forgot_answers_the_same_for_a_known_and_an_unknown_email_and_mails_only_the_known_one()
    {
        var user = await client.SignUpAsync();
        var unknown = ApiClientExtensions.NewEmail();

        var known = await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });
        var missing = await client.PostAsJsonAsync("/auth/password/forgot", new { email = unknown });
        var mail = (await factory.WaitForAsync(user.Email, count: 2))[1];

        Assert.Multiple(async () =>
        {
            Assert.That(known.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(await missing.Content.ReadAsStringAsync(), Is.EqualTo(await known.Content.ReadAsStringAsync()));
            Assert.That(missing.Content.Headers.ContentType?.MediaType, Is.EqualTo(known.Content.Headers.ContentType?.MediaType));
            Assert.That(mail.Subject, Is.EqualTo("Reset your password"));
            Assert.That(mail.TextBody, Does.Contain("http://localhost:3000/reset-password?token="));
            Assert.That(Mailbox.Read(factory.MailDirectory, unknown), Is.Empty);
        });
    }

    [Test]
    public async Task Forgot_does_no_account_specific_writing_before_it_answers()
    {
        // While another connection holds off every writer, a request that writes for a known account would wait and
        // so tell it apart from an unknown one; both must answer at once, and the mail follows once writes resume.
        var user = await client.SignUpAsync();
        HttpResponseMessage known, unknown;
        await using (await TestDatabase.HoldWritesAsync(factory.Database))
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            known = await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email }, deadline.Token);
            unknown = await client.PostAsJsonAsync("/auth/password/forgot", new { email = ApiClientExtensions.NewEmail() }, deadline.Token);
        }

        Assert.That(known.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await factory.WaitForAsync(user.Email, count: 2), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Reset_replaces_the_password_and_ends_every_session()
    {
        var user = await client.SignUpAsync();
        var otherDevice = await (await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password })).ReadJsonAsync();
        await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });
        var token = await factory.TokenMailedToAsync(user.Email, count: 2);

        var reset = await client.PostAsJsonAsync("/auth/password/reset", new { token, newPassword = NewPassword });

        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await client.GetUserAsync(user.AccessToken)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await client.GetUserAsync(otherDevice.GetProperty("accessToken").GetString()!)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = user.Auth.RefreshToken }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        await (await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.That((await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = NewPassword })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_reset_token_works_once_and_older_ones_die_with_it()
    {
        var user = await client.SignUpAsync();
        await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });
        await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });
        var mails = await factory.WaitForAsync(user.Email, count: 3);
        var older = mails[1].Token();
        var newer = mails[2].Token();

        var first = await client.PostAsJsonAsync("/auth/password/reset", new { token = newer, newPassword = NewPassword });
        var reused = await client.PostAsJsonAsync("/auth/password/reset", new { token = newer, newPassword = "yet another passphrase" });
        var olderAfter = await client.PostAsJsonAsync("/auth/password/reset", new { token = older, newPassword = "yet another passphrase" });

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await reused.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
        await olderAfter.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
    }

    [Test]
    public async Task Of_two_concurrent_resets_with_one_token_exactly_one_succeeds()
    {
        var user = await client.SignUpAsync();
        await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });
        var token = await factory.TokenMailedToAsync(user.Email, count: 2);

        var responses = await Task.WhenAll(
            client.PostAsJsonAsync("/auth/password/reset", new { token, newPassword = "first passphrase wins" }),
            client.PostAsJsonAsync("/auth/password/reset", new { token, newPassword = "second passphrase wins" }));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.NoContent), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest), Is.EqualTo(1));
    }

    [Test]
    public async Task A_reset_token_expires_after_30_minutes()
    {
        var user = await client.SignUpAsync();
        await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });
        var token = await factory.TokenMailedToAsync(user.Email, count: 2);

        factory.Time!.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        var response = await client.PostAsJsonAsync("/auth/password/reset", new { token, newPassword = NewPassword });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
    }

    [Test]
    public async Task A_confirmation_token_cannot_reset_a_password()
    {
        var user = await client.SignUpAsync();
        var confirmation = await factory.TokenMailedToAsync(user.Email);

        var response = await client.PostAsJsonAsync("/auth/password/reset", new { token = confirmation, newPassword = NewPassword });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
    }

    [Test]
    public async Task A_reset_clears_the_login_lockout()
    {
        var user = await client.SignUpAsync();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "wrong password" });
        }

        var locked = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });
        await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });
        await client.PostAsJsonAsync("/auth/password/reset", new { token = await factory.TokenMailedToAsync(user.Email, count: 2), newPassword = NewPassword });
        var afterReset = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = NewPassword });

        await locked.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.That(afterReset.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Reset_mails_per_account_are_capped_per_hour_while_the_answer_stays_202()
    {
        var user = await client.SignUpAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email })).StatusCode);
        }

        // The requests are issued in the background, in order, then mailed through the outbox: once the four mails are
        // in, the worker has taken every request and the outbox is drained, a fifth mail cannot merely be late.
        await factory.WaitForAsync(user.Email, count: 4);
        var resetRequests = factory.Services.GetRequiredService<Auth.Infrastructure.Accounts.PasswordResetQueue>();
        await Eventually.WaitUntilAsync(() => resetRequests.Reader.Count == 0, "the reset worker to take every request");

        await factory.WaitForOutboxDrainedAsync();

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.Accepted));
        Assert.That(Mailbox.Read(factory.MailDirectory, user.Email), Has.Count.EqualTo(4), "the confirmation and 3 resets");
    }

    [TestCase("short")]
    [TestCase("")]
    public async Task A_new_password_breaking_the_rules_is_refused(string newPassword)
    {
        var response = await client.PostAsJsonAsync("/auth/password/reset", new { token = "whatever", newPassword });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.ErrorKeys(), Does.Contain("newPassword"));
    }

    [Test]
    public async Task Forgot_with_a_malformed_email_is_a_validation_failure()
    {
        var response = await client.PostAsJsonAsync("/auth/password/forgot", new { email = "not an email" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task A_password_change_spends_every_reset_link_mailed_before_it()
    {
        var user = await client.SignUpAsync();
        await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });
        var token = await factory.TokenMailedToAsync(user.Email, count: 2);

        var changed = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/user/password", user.AccessToken,
            new { currentPassword = user.Password, newPassword = NewPassword });
        var reset = await client.PostAsJsonAsync("/auth/password/reset", new { token, newPassword = "the attacker's passphrase" });

        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await reset.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
    }
}
