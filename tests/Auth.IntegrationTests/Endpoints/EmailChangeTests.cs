using System.Net;
using System.Net.Http.Json;
using Auth.Api.Contracts;
using Auth.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Auth.IntegrationTests.Endpoints;

public sealed class EmailChangeTests
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
    public async Task A_request_mails_a_confirmation_link_to_the_new_address_and_a_cancel_link_to_the_current_one_and_changes_nothing_yet()
    {
        var user = await client.SignUpAsync();
        var newEmail = ApiClientExtensions.NewEmail();

        var response = await client.RequestEmailChangeAsync(user, newEmail);
        var confirmation = (await factory.WaitForSubjectAsync(newEmail, EmailChangeSteps.ConfirmSubject)).Single();
        var notice = (await factory.WaitForSubjectAsync(user.Email, EmailChangeSteps.NoticeSubject)).Single();
        var view = await (await client.GetUserAsync(user.AccessToken)).ReadJsonAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"status":"accepted"}"""));
            Assert.That(confirmation.TextBody, Does.Contain("http://localhost:3000/confirm-email-change?token=").And.Contain("expires in 24 hours"));
            Assert.That(confirmation.TextBody, Does.Not.Contain(user.Email), "the new address learns nothing about the account");
            Assert.That(notice.TextBody, Does.Contain(newEmail).And.Contain("http://localhost:3000/cancel-email-change?token="));
            Assert.That(notice.HtmlBody, Does.Contain(newEmail));
            Assert.That(view.GetProperty("email").GetString(), Is.EqualTo(user.Email), "nothing changes before the confirmation");
            Assert.That((await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Confirming_switches_the_address_confirmed_keeps_the_sessions_and_tells_the_old_address()
    {
        var user = await client.SignUpAsync();
        var newEmail = ApiClientExtensions.NewEmail();
        var before = await (await client.GetUserAsync(user.AccessToken)).ReadJsonAsync();
        var (confirm, _) = await client.RequestEmailChangeLinksAsync(factory, user, newEmail);

        var confirmed = await client.ConfirmEmailChangeAsync(confirm);
        var view = await client.GetUserAsync(user.AccessToken);
        var changed = (await factory.WaitForSubjectAsync(user.Email, EmailChangeSteps.ChangedSubject)).Single();

        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await confirmed.Content.ReadAsStringAsync());
        Assert.That(before.GetProperty("emailConfirmed").GetBoolean(), Is.False);
        Assert.That(view.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the session stays");
        var body = await view.ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("email").GetString(), Is.EqualTo(newEmail), "the user view shows the new address at once");
            Assert.That(body.GetProperty("emailConfirmed").GetBoolean(), Is.True);
            Assert.That(changed.TextBody, Does.Contain(newEmail).And.Contain("after the new address was confirmed"));
        });
    }

    [Test]
    public async Task After_the_change_the_next_access_tokens_carry_the_new_address_and_only_it_signs_in()
    {
        var user = await client.SignUpAsync();
        var newEmail = ApiClientExtensions.NewEmail();
        var (confirm, _) = await client.RequestEmailChangeLinksAsync(factory, user, newEmail);
        await client.ConfirmEmailChangeAsync(confirm);

        var refreshed = await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = user.Auth.RefreshToken });
        var oldLogin = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });
        var newLogin = await client.PostAsJsonAsync("/auth/login", new { email = newEmail.ToUpperInvariant(), password = user.Password });

        Assert.That(refreshed.StatusCode, Is.EqualTo(HttpStatusCode.OK), "sessions stay");
        var refreshedAuth = (await refreshed.Content.ReadFromJsonAsync<AuthResponse>())!;
        Assert.That(new JsonWebToken(user.AccessToken).GetClaim("email").Value, Is.EqualTo(user.Email));
        Assert.That(new JsonWebToken(refreshedAuth.AccessToken).GetClaim("email").Value, Is.EqualTo(newEmail));
        Assert.That(refreshedAuth.User.Email, Is.EqualTo(newEmail));
        await oldLogin.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.That(newLogin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var newAuth = (await newLogin.Content.ReadFromJsonAsync<AuthResponse>())!;
        Assert.That(new JsonWebToken(newAuth.AccessToken).GetClaim("email").Value, Is.EqualTo(newEmail));
    }

    [Test]
    public async Task Confirming_spends_every_outstanding_reset_confirmation_and_change_link()
    {
        var user = await client.SignUpAsync();
        var signupConfirmation = await factory.TokenMailedToAsync(user.Email);
        await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });
        var reset = await factory.TokenMailedToAsync(user.Email, count: 2);
        var newEmail = ApiClientExtensions.NewEmail();
        var (confirm, cancel) = await client.RequestEmailChangeLinksAsync(factory, user, newEmail);

        await client.ConfirmEmailChangeAsync(confirm);

        await (await client.PostAsJsonAsync("/auth/password/reset", new { token = reset, newPassword = "a brand new passphrase" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
        await (await client.PostAsJsonAsync("/auth/email/confirm", new { token = signupConfirmation }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
        await (await client.CancelEmailChangeAsync(cancel)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
        await (await client.ConfirmEmailChangeAsync(confirm)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
    }

    [Test]
    public async Task A_cancelled_change_cannot_be_confirmed()
    {
        var user = await client.SignUpAsync();
        var (confirm, cancel) = await client.RequestEmailChangeLinksAsync(factory, user, ApiClientExtensions.NewEmail());

        var cancelled = await client.CancelEmailChangeAsync(cancel);
        var confirmed = await client.ConfirmEmailChangeAsync(confirm);
        var view = await (await client.GetUserAsync(user.AccessToken)).ReadJsonAsync();

        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await confirmed.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
        Assert.That(view.GetProperty("email").GetString(), Is.EqualTo(user.Email));
        await (await client.CancelEmailChangeAsync(cancel)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
    }

    [Test]
    public async Task A_new_request_replaces_the_pending_one()
    {
        var user = await client.SignUpAsync();
        var first = ApiClientExtensions.NewEmail();
        var second = ApiClientExtensions.NewEmail();
        var (firstConfirm, firstCancel) = await client.RequestEmailChangeLinksAsync(factory, user, first);
        var (secondConfirm, _) = await client.RequestEmailChangeLinksAsync(factory, user, second);

        await (await client.ConfirmEmailChangeAsync(firstConfirm)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
        await (await client.CancelEmailChangeAsync(firstCancel)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
        Assert.That((await client.ConfirmEmailChangeAsync(secondConfirm)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var view = await (await client.GetUserAsync(user.AccessToken)).ReadJsonAsync();
        Assert.That(view.GetProperty("email").GetString(), Is.EqualTo(second));
    }

    [Test]
    public async Task A_pending_change_expires_after_24_hours()
    {
        var user = await client.SignUpAsync();
        var (confirm, cancel) = await client.RequestEmailChangeLinksAsync(factory, user, ApiClientExtensions.NewEmail());

        factory.Time!.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        await (await client.ConfirmEmailChangeAsync(confirm)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
        await (await client.CancelEmailChangeAsync(cancel)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
    }

    [Test]
    public async Task The_expiry_follows_its_setting()
    {
        await using var shortLived = new AuthApiFactory(
            time: new FakeTimeProvider(DateTimeOffset.UtcNow), settings: new Dictionary<string, string?> { ["Auth:EmailChangeLifetime"] = "01:00:00" });
        using var shortClient = shortLived.CreateClient();
        var early = await shortClient.SignUpAsync();
        var earlyEmail = ApiClientExtensions.NewEmail();
        var (expiring, _) = await shortClient.RequestEmailChangeLinksAsync(shortLived, early, earlyEmail);
        var mail = (await shortLived.WaitForSubjectAsync(earlyEmail, EmailChangeSteps.ConfirmSubject)).Single();

        shortLived.Time!.Advance(TimeSpan.FromMinutes(59));
        var late = await shortClient.SignUpAsync();
        var (inTime, _) = await shortClient.RequestEmailChangeLinksAsync(shortLived, late, ApiClientExtensions.NewEmail());
        shortLived.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        Assert.That(mail.TextBody, Does.Contain("expires in 1 hours"));
        await (await shortClient.ConfirmEmailChangeAsync(expiring)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
        Assert.That((await shortClient.ConfirmEmailChangeAsync(inTime)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task A_taken_address_answers_like_a_free_one_and_is_told_someone_tried_without_account_details()
    {
        var owner = await client.SignUpAsync(name: "Owner Of The Address");
        var asker = await client.SignUpAsync(name: "Eve Asker");
        var other = await client.SignUpAsync();
        var freeEmail = ApiClientExtensions.NewEmail();

        var taken = await client.RequestEmailChangeAsync(asker, owner.Email.ToUpperInvariant());
        var free = await client.RequestEmailChangeAsync(other, freeEmail);
        var warning = (await factory.WaitForSubjectAsync(owner.Email, EmailChangeSteps.InUseSubject)).Single();
        var notice = (await factory.WaitForSubjectAsync(asker.Email, EmailChangeSteps.NoticeSubject)).Single();

        Assert.Multiple(async () =>
        {
            Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(await taken.Content.ReadAsStringAsync(), Is.EqualTo(await free.Content.ReadAsStringAsync()));
            Assert.That(taken.Content.Headers.ContentType?.ToString(), Is.EqualTo(free.Content.Headers.ContentType?.ToString()));
            foreach (var part in new[] { warning.TextBody, warning.HtmlBody })
            {
                Assert.That(part, Does.Not.Contain(asker.Email).And.Not.Contain("Eve").And.Not.Contain("Owner"), "no account details");
                Assert.That(part, Does.Not.Contain("token="), "nothing to confirm");
            }

            Assert.That(notice.TextBody, Does.Contain("cancel-email-change?token="), "the asker's own mailbox looks the same either way");
        });
        await factory.WaitForOutboxDrainedAsync();
        Assert.That(Mailbox.Read(factory.MailDirectory, owner.Email).Where(m => m.Subject == EmailChangeSteps.ConfirmSubject), Is.Empty);
        var view = await (await client.GetUserAsync(asker.AccessToken)).ReadJsonAsync();
        Assert.That(view.GetProperty("email").GetString(), Is.EqualTo(asker.Email));
    }

    [Test]
    public async Task A_wrong_current_password_answers_403_wrong_password_and_mails_nothing()
    {
        var user = await client.SignUpAsync();
        var newEmail = ApiClientExtensions.NewEmail();

        var response = await client.RequestEmailChangeAsync(user, newEmail, password: "not my password at all");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "wrong_password");
        Assert.That(await factory.DeliveredAsync(newEmail, EmailChangeSteps.ConfirmSubject), Is.Empty);
        Assert.That(await factory.DeliveredAsync(user.Email, EmailChangeSteps.NoticeSubject), Is.Empty);
    }

    [Test]
    public async Task The_current_address_in_any_case_answers_400_email_unchanged()
    {
        var user = await client.SignUpAsync();

        var response = await client.RequestEmailChangeAsync(user, $"  {user.Email.ToUpperInvariant()} ");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "email_unchanged");
    }

    [Test]
    public async Task A_malformed_address_or_missing_password_answers_400_naming_the_field()
    {
        var user = await client.SignUpAsync();

        var malformed = await (await client.RequestEmailChangeAsync(user, "not-an-address")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var noPassword = await (await client.RequestEmailChangeAsync(user, ApiClientExtensions.NewEmail(), password: ""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.That(malformed.ErrorKeys(), Is.EqualTo(new[] { "newEmail" }));
        Assert.That(noPassword.ErrorKeys(), Is.EqualTo(new[] { "currentPassword" }));
    }

    [Test]
    public async Task Without_an_access_token_a_request_answers_401()
    {
        var response = await client.PostAsJsonAsync("/auth/user/email", new { newEmail = ApiClientExtensions.NewEmail(), currentPassword = "whatever it is" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task The_fourth_request_within_an_hour_answers_429_and_mails_nothing_and_an_hour_later_one_is_allowed()
    {
        var user = await client.SignUpAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.That((await client.RequestEmailChangeAsync(user, ApiClientExtensions.NewEmail())).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            factory.Time!.Advance(TimeSpan.FromMinutes(1));
        }

        var fourth = ApiClientExtensions.NewEmail();
        var capped = await client.RequestEmailChangeAsync(user, fourth);
        await capped.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_email_changes");
        Assert.That(capped.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromMinutes(57)), "until the oldest request leaves the hour");
        Assert.That(await factory.DeliveredAsync(fourth, EmailChangeSteps.ConfirmSubject), Is.Empty);

        factory.Time!.Advance(TimeSpan.FromMinutes(57));
        user = await client.SignInAgainAsync(user);
        Assert.That((await client.RequestEmailChangeAsync(user, ApiClientExtensions.NewEmail())).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [Test]
    public async Task Requests_to_taken_addresses_count_towards_the_cap_like_any_other()
    {
        var owner = await client.SignUpAsync();
        var user = await client.SignUpAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.That((await client.RequestEmailChangeAsync(user, owner.Email)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        }

        await (await client.RequestEmailChangeAsync(user, ApiClientExtensions.NewEmail()))
            .AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_email_changes");
    }

    [Test]
    public async Task The_change_is_audited_and_shown_in_the_owners_activity_and_logged_with_masked_addresses()
    {
        var user = await client.SignUpAsync();
        var newEmail = ApiClientExtensions.NewEmail();
        var (confirm, cancel) = await client.RequestEmailChangeLinksAsync(factory, user, newEmail);
        await client.ConfirmEmailChangeAsync(confirm);
        var other = await client.SignUpAsync();
        var (_, otherCancel) = await client.RequestEmailChangeLinksAsync(factory, other, ApiClientExtensions.NewEmail());
        await client.CancelEmailChangeAsync(otherCancel);
        await factory.WaitForOutboxDrainedAsync();

        var types = await factory.WithDatabaseAsync(db => db.AuditEntries.Where(e => e.UserId == user.Auth.User.Id).Select(e => e.Type).ToListAsync());
        var otherTypes = await factory.WithDatabaseAsync(db => db.AuditEntries.Where(e => e.UserId == other.Auth.User.Id).Select(e => e.Type).ToListAsync());
        var activity = await (await client.SendWithTokenAsync(HttpMethod.Get, "/auth/activity", user.AccessToken)).ReadJsonAsync();
        var logs = string.Join("\n", factory.Logs.Lines);

        Assert.Multiple(() =>
        {
            Assert.That(types, Does.Contain("EmailChangeRequested").And.Contain("EmailChanged"));
            Assert.That(otherTypes, Does.Contain("EmailChangeRequested").And.Contain("EmailChangeCancelled").And.Not.Contain("EmailChanged"));
            Assert.That(activity.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()), Does.Contain("EmailChanged"));
            Assert.That(logs, Does.Contain($"u***@example.com").And.Contain("EmailChanged"));
            Assert.That(logs, Does.Not.Contain(newEmail), "addresses are masked in logs");
            Assert.That(logs, Does.Not.Contain(user.Email));
            Assert.That(logs, Does.Not.Contain(confirm).And.Not.Contain(cancel), "tokens never reach the logs");
        });
    }

    [Test]
    public async Task A_confirmation_or_reset_token_does_not_confirm_an_email_change_and_a_change_link_does_not_cancel()
    {
        var user = await client.SignUpAsync();
        var signupConfirmation = await factory.TokenMailedToAsync(user.Email);
        var (confirm, _) = await client.RequestEmailChangeLinksAsync(factory, user, ApiClientExtensions.NewEmail());

        await (await client.ConfirmEmailChangeAsync(signupConfirmation)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
        await (await client.CancelEmailChangeAsync(confirm)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
        await (await client.PostAsJsonAsync("/auth/email/confirm", new { token = confirm })).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
        await (await client.ConfirmEmailChangeAsync("")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That((await client.ConfirmEmailChangeAsync(confirm)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "the refused attempts spent nothing");
    }

    [Test]
    public async Task Confirming_a_change_to_the_bootstrap_admin_address_proves_that_mailbox_and_grants_the_role()
    {
        var bootstrap = ApiClientExtensions.NewEmail();
        await using var adminFactory = AdminFixture.CreateFactory(bootstrap);
        using var adminClient = adminFactory.CreateClient();
        var user = await adminClient.SignUpAsync();
        var (confirm, _) = await adminClient.RequestEmailChangeLinksAsync(adminFactory, user, bootstrap);
        var before = (await adminClient.SignInAgainAsync(user)).Auth.User.Roles;

        await adminClient.ConfirmEmailChangeAsync(confirm);
        var after = (await adminClient.SignInAgainAsync(user, bootstrap)).Auth.User.Roles;

        Assert.That(before, Is.EqualTo(new[] { "user" }), "asking for the address proves nothing");
        Assert.That(after, Does.Contain("admin"));
    }
}
