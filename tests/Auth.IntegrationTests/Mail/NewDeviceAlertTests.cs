using System.Net;
using System.Net.Http.Json;
using Auth.Api.Http;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Mail;

/// <summary>The new-device alert, over real SQLite, with the mail captured from the pickup folder.</summary>
public sealed class NewDeviceAlertTests
{
    private const string Subject = "New sign-in to your account";
    private const string UserAgent = "Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1.0";

    [Test]
    public async Task A_sign_in_from_a_new_device_mails_the_owner_when_where_what_and_what_to_do()
    {
        await using var factory = new AuthApiFactory();
        using var client = factory.CreateClient();
        var user = await client.SignUpAsync();
        await LoginAsync(client, user);

        var fromNewDevice = await LoginAsync(client, user);
        await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });

        // Signup's confirmation, the alert, the reset: the first sign-in after signup sent none.
        var mails = await factory.WaitForAsync(user.Email, count: 3);
        var alert = mails[1];
        Assert.Multiple(() =>
        {
            Assert.That(fromNewDevice.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(mails.Count(m => m.Subject == Subject), Is.EqualTo(1));
            Assert.That(alert.Subject, Is.EqualTo(Subject));
            Assert.That(alert.TextBody, Does.Match(@"When: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC"));
            Assert.That(alert.TextBody, Does.Contain("From address: "));
            Assert.That(alert.TextBody, Does.Contain("Device: an app on Linux"), "the agent described from a fixed list, never its text");
            Assert.That(alert.TextBody, Does.Contain("http://localhost:3000/sessions"));
            Assert.That(alert.TextBody, Does.Contain("If it was not you").And.Contain("Change your password"));
            Assert.That(alert.HtmlBody, Does.Contain("href=\"http://localhost:3000/sessions\""));
        });
    }

    [Test]
    public async Task The_first_sign_in_and_a_known_devices_sign_ins_send_no_alert()
    {
        await using var factory = new AuthApiFactory();
        using var client = factory.CreateClient();
        var user = await client.SignUpAsync();
        var first = await LoginAsync(client, user);
        var deviceToken = (await first.ReadJsonAsync()).GetProperty("deviceToken").GetString();

        await LoginAsync(client, user, deviceToken);
        await LoginAsync(client, user, deviceToken);
        // A mail queued after the logins: once it is there, an alert queued before it would be too.
        await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });

        var mails = await factory.WaitForAsync(user.Email, count: 2);
        Assert.That(mails.Select(m => m.Subject), Has.None.EqualTo(Subject));
        Assert.That(mails, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task The_alert_can_be_switched_off()
    {
        await using var factory = new AuthApiFactory(settings: new Dictionary<string, string?> { ["Devices:NewDeviceAlert"] = "false" });
        using var client = factory.CreateClient();
        var user = await client.SignUpAsync();
        await LoginAsync(client, user);
        var fromNewDevice = await LoginAsync(client, user);
        await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });

        var mails = await factory.WaitForAsync(user.Email, count: 2);

        Assert.That(fromNewDevice.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(mails.Select(m => m.Subject), Has.None.EqualTo(Subject));
        Assert.That(mails, Has.Count.EqualTo(2));
    }

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient client, SignedUpUser user, string? deviceToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/login") { Content = JsonContent.Create(new { email = user.Email, password = user.Password }) };
        request.Headers.UserAgent.ParseAdd(UserAgent);
        if (deviceToken is not null)
        {
            request.Headers.Add(DeviceTokenTransport.HeaderName, deviceToken);
        }

        var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return response;
    }
}
