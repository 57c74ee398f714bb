using System.Net.Http.Json;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Mail;

/// <summary>What a user chose (a display name, a User-Agent) never reaches an inbox under the service's sender.</summary>
public sealed class MailContentTests
{
    private const string LureName = "Prize! Visit https://evil.example or call +1 555 0100";
    private const string LureAgent = "Mozilla/5.0 (Windows NT 10.0) Chrome/131.0 call +1 555 0199 https://evil.example/agent";

    [Test]
    public async Task Confirmation_reset_and_new_device_mails_greet_by_the_address_and_carry_no_chosen_text()
    {
        await using var factory = new AuthApiFactory();
        using var client = factory.CreateClient();
        var user = await client.SignUpAsync(name: LureName);
        await LoginAsync(client, user);
        await LoginAsync(client, user);
        await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });

        // Signup's confirmation, the alert for the second (new) device, the reset.
        var mails = await factory.WaitForAsync(user.Email, count: 3);

        Assert.Multiple(() =>
        {
            Assert.That(mails, Has.Count.EqualTo(3));
            foreach (var mail in mails)
            {
                foreach (var part in new[] { mail.TextBody, mail.HtmlBody })
                {
                    Assert.That(part, Does.Contain($"Hello {user.Email},"), mail.Subject);
                    Assert.That(part, Does.Not.Contain("evil.example").And.Not.Contain("555").And.Not.Contain("Prize"), mail.Subject);
                }
            }

            Assert.That(mails[1].TextBody, Does.Contain("Device: Chrome on Windows"));
        });
    }

    private static async Task LoginAsync(HttpClient client, SignedUpUser user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/login") { Content = JsonContent.Create(new { email = user.Email, password = user.Password }) };
        request.Headers.TryAddWithoutValidation("User-Agent", LureAgent);
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
    }
}
