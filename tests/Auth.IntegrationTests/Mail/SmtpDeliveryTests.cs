using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Mail;

/// <summary>The real MailKit sender against a real SMTP server: the round trip a deployment with Mailpit makes.</summary>
public sealed class SmtpDeliveryTests
{
    [Test]
    public async Task A_confirmation_mail_travels_over_smtp_and_its_link_confirms_the_account()
    {
        await using var smtp = new CapturingSmtpServer();
        await using var factory = new AuthApiFactory(settings: new Dictionary<string, string?>
        {
            ["Email:Transport"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:From"] = "auth@example.com",
            ["Email:LinkBaseUrl"] = "https://app.example.com/account",
        });
        using var client = factory.CreateClient();
        var user = await client.SignUpAsync();

        var message = await smtp.WaitForMessageAsync();
        var confirm = await client.PostAsJsonAsync("/auth/email/confirm", new { token = message.Token() });
        var me = await (await client.GetUserAsync(user.AccessToken)).ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(message.To.Mailboxes.Single().Address, Is.EqualTo(user.Email));
            Assert.That(message.From.Mailboxes.Single().Address, Is.EqualTo("auth@example.com"));
            Assert.That(message.TextBody, Does.Contain("https://app.example.com/account/confirm-email?token="));
            Assert.That(message.HtmlBody, Does.Contain("https://app.example.com/account/confirm-email?token="));
            Assert.That(confirm.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(me.GetProperty("emailConfirmed").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task An_unreachable_smtp_server_does_not_fail_the_signup_and_the_failure_is_logged_with_the_recipient_masked()
    {
        await using var factory = new AuthApiFactory(settings: new Dictionary<string, string?>
        {
            ["Email:Transport"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = "1",
            ["Email:Smtp:Security"] = "None",
            ["Email:MaxAttempts"] = "1",
        });
        using var client = factory.CreateClient();

        var user = await client.SignUpAsync();

        var logs = await Eventually.WaitForAsync(
            () => factory.Logs.Lines.ToArray(), lines => lines.Any(l => l.Contains("Gave up sending mail", StringComparison.Ordinal)), "the mail to be given up");

        var gaveUp = logs.Single(l => l.Contains("Gave up sending mail", StringComparison.Ordinal));
        Assert.That(gaveUp, Does.Contain($"{user.Email[0]}***@example.com"));
        Assert.That(string.Join("\n", logs), Does.Not.Contain(user.Email));
    }
}
