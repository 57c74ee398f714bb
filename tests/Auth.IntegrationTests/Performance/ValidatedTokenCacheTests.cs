using System.Net;
using Auth.Infrastructure.Security.Tokens.Caching;
using Auth.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.IntegrationTests.Performance;

/// <summary>The validated-token cache on the real pipeline: it saves signature checks, never a security check.</summary>
public sealed class ValidatedTokenCacheTests
{
    private AuthApiFactory factory = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new AuthApiFactory();
        client = factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    private ValidatedTokenCache Cache => factory.Services.GetRequiredService<ValidatedTokenCache>();

    [Test]
    public async Task A_token_used_once_is_cached()
    {
        var user = await client.SignUpAsync();

        Assert.That((await client.GetUserAsync(user.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That(Cache.TryGet(user.AccessToken, out _), Is.True);
    }

    [Test]
    public async Task A_tampered_copy_of_a_cached_token_is_refused_and_never_cached()
    {
        var user = await client.SignUpAsync();
        var other = await client.SignUpAsync();
        Assert.That((await client.GetUserAsync(user.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var parts = user.AccessToken.Split('.');
        var payloadTampered = TokenFactory.Tampered(user.AccessToken, "sub", other.Auth.User.Id.ToString());
        var signatureTampered = $"{parts[0]}.{parts[1]}.{parts[2][..^2]}{(parts[2][^2] == 'A' ? 'B' : 'A')}{parts[2][^1]}";
        var sessionTampered = TokenFactory.Tampered(user.AccessToken, "sid", Guid.NewGuid().ToString());

        foreach (var forged in new[] { payloadTampered, signatureTampered, sessionTampered })
        {
            await (await client.GetUserAsync(forged)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
            Assert.That(Cache.TryGet(forged, out _), Is.False, forged);
        }

        Assert.That(Cache.TryGet(user.AccessToken, out _), Is.True, "the genuine token stays cached");
    }

    [Test]
    public async Task A_cached_token_is_refused_on_its_very_next_use_after_logout()
    {
        var user = await client.SignUpAsync();
        Assert.That((await client.GetUserAsync(user.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That((await client.LogoutAsync(user.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That(Cache.TryGet(user.AccessToken, out _), Is.True, "still cached: revocation is what refuses it");
        await (await client.GetUserAsync(user.AccessToken)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }
}
