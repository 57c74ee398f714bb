using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace Auth.IntegrationTests.Admin;

public sealed class AdminEmailChangeTests
{
    private string adminEmail = null!;
    private AuthApiFactory factory = null!;
    private HttpClient client = null!;
    private SignedUpUser admin = null!;

    [SetUp]
    public async Task Start()
    {
        adminEmail = ApiClientExtensions.NewEmail();
        factory = AdminFixture.CreateFactory(adminEmail);
        client = factory.CreateClient();
        admin = await factory.SignUpAdminAsync(client, adminEmail);
    }

    [TearDown]
    public async Task Stop()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Test]
    public async Task An_admin_sets_the_address_at_once_unconfirmed_and_both_addresses_are_told_the_new_one_with_a_confirmation_link()
    {
        var user = await client.SignUpAsync();
        await client.ConfirmEmailAsync(factory, user.Email);
        var newEmail = ApiClientExtensions.NewEmail();

        var response = await PatchAsync(user, new { email = newEmail });
        var changed = (await factory.WaitForSubjectAsync(user.Email, EmailChangeSteps.ChangedSubject)).Single();
        var told = (await factory.WaitForSubjectAsync(newEmail, EmailChangeSteps.SetByAdministratorSubject)).Single();
        var confirmation = told.Token();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await response.ReadJsonAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(body.GetProperty("email").GetString(), Is.EqualTo(newEmail));
            Assert.That(body.GetProperty("emailConfirmed").GetBoolean(), Is.False, "an administrator proves nothing about the mailbox");
            Assert.That(changed.TextBody, Does.Contain(newEmail).And.Contain("by an administrator"));
            Assert.That(told.TextBody, Does.Contain("an administrator made this address the sign-in address of your account"));
            Assert.That(told.HtmlBody, Does.Contain("an administrator made this address the sign-in address of your account"));
            Assert.That(told.TextBody, Does.Not.Contain(user.Email), "the new address learns nothing of the old one");
            Assert.That(Mailbox.Read(factory.MailDirectory, newEmail), Has.Count.EqualTo(1), "one mail to the new address, not a signup's confirmation besides");
            Assert.That((await client.GetUserAsync(user.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "sessions stay");
        });

        Assert.That((await client.PostAsJsonAsync("/auth/email/confirm", new { token = confirmation })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var view = await (await client.GetUserAsync(user.AccessToken)).ReadJsonAsync();
        Assert.That(view.GetProperty("email").GetString(), Is.EqualTo(newEmail));
        Assert.That(view.GetProperty("emailConfirmed").GetBoolean(), Is.True);
        Assert.That((await client.PostAsJsonAsync("/auth/login", new { email = newEmail, password = user.Password })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_admin_change_is_audited_with_the_admin_as_actor_and_spends_older_links()
    {
        var user = await client.SignUpAsync();
        await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });
        var reset = await factory.TokenMailedToAsync(user.Email, count: 2);
        var (pendingConfirm, _) = await client.RequestEmailChangeLinksAsync(factory, user, ApiClientExtensions.NewEmail());

        await PatchAsync(user, new { email = ApiClientExtensions.NewEmail() });
        await factory.WaitForOutboxDrainedAsync();

        var entry = await factory.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(e => e.UserId == user.Auth.User.Id && e.Type == "EmailChanged"));
        Assert.That(entry.ActorId, Is.EqualTo(admin.Auth.User.Id));
        await (await client.PostAsJsonAsync("/auth/password/reset", new { token = reset, newPassword = "a brand new passphrase" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
        await (await client.ConfirmEmailChangeAsync(pendingConfirm)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
    }

    [Test]
    public async Task An_admin_change_to_a_taken_address_answers_409_email_taken()
    {
        var user = await client.SignUpAsync();
        var other = await client.SignUpAsync();

        var response = await PatchAsync(user, new { email = other.Email.ToUpperInvariant() });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "email_taken");
    }

    [Test]
    public async Task Patching_without_an_email_or_with_the_same_one_changes_nothing_and_mails_nothing()
    {
        var user = await client.SignUpAsync();

        var empty = await PatchAsync(user, new { });
        var same = await PatchAsync(user, new { email = user.Email.ToUpperInvariant() });

        Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(same.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await same.ReadJsonAsync()).GetProperty("email").GetString(), Is.EqualTo(user.Email));
        Assert.That(await factory.DeliveredAsync(user.Email, EmailChangeSteps.ChangedSubject), Is.Empty);
    }

    [Test]
    public async Task A_malformed_address_answers_400_and_an_unknown_user_404()
    {
        var user = await client.SignUpAsync();

        var malformed = await (await PatchAsync(user, new { email = "nope" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var unknown = await client.SendWithTokenAsync(HttpMethod.Patch, $"/admin/users/{Guid.NewGuid()}", admin.AccessToken, new { email = ApiClientExtensions.NewEmail() });

        Assert.That(malformed.ErrorKeys(), Is.EqualTo(new[] { "email" }));
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "user_not_found");
    }

    private Task<HttpResponseMessage> PatchAsync(SignedUpUser user, object body) =>
        client.SendWithTokenAsync(HttpMethod.Patch, $"/admin/users/{user.Auth.User.Id}", admin.AccessToken, body);
}
