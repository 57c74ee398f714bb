using System.Net;
using Auth.IntegrationTests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.Mfa;

/// <summary>TOTP secrets are encrypted under a key every instance shares, not one of its own.</summary>
public sealed class SecondInstanceTests
{
    [Test]
    public async Task A_second_instance_on_the_same_database_verifies_codes_enrolled_on_the_first()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var first = new AuthApiFactory(time: time);
        await using var second = new AuthApiFactory(first.Database, time);
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();
        var user = await firstClient.SignUpAsync();
        var enrolled = await first.EnrolTotpAsync(firstClient, user.AccessToken);

        var mfaToken = await secondClient.LoginForMfaTokenAsync(user.Email);
        var verified = await secondClient.VerifyAsync(mfaToken, second.CodeNow(enrolled.Secret));

        Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.OK), await verified.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task An_instance_with_another_key_cannot_read_the_secret()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var first = new AuthApiFactory(time: time);
        await using var other = new AuthApiFactory(first.Database, time, settings: new Dictionary<string, string?>
        {
            ["Auth:Mfa:EncryptionKey"] = Convert.ToBase64String(new byte[32]),
        });
        using var firstClient = first.CreateClient();
        using var otherClient = other.CreateClient();
        var user = await firstClient.SignUpAsync();
        var enrolled = await first.EnrolTotpAsync(firstClient, user.AccessToken);

        var verified = await otherClient.VerifyAsync(await otherClient.LoginForMfaTokenAsync(user.Email), other.CodeNow(enrolled.Secret));

        await verified.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_code");
    }
}
