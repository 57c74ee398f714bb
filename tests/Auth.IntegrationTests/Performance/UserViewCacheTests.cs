using System.Net;
using Auth.IntegrationTests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.Performance;

/// <summary>GET /auth/user from the per-instance cache: no query while cached, and never an old value after a change.</summary>
public sealed class UserViewCacheTests
{
    [Test]
    public async Task A_second_read_of_the_user_sends_no_query()
    {
        // Time is frozen, so neither the cache entry expires nor the revocation poll runs during the measurement.
        await using var factory = new AuthApiFactory(time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        using var client = factory.CreateClient();
        var user = await client.SignUpAsync();
        await client.GetUserAsync(user.AccessToken);
        // The signup's events are delivered in the background (audit rows, the outbox marked): not in the window.
        await factory.WaitForOutboxDrainedAsync();
        var before = factory.DatabaseCommands;

        var response = await client.GetUserAsync(user.AccessToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(factory.DatabaseCommands, Is.EqualTo(before));
    }

    [Test]
    public async Task A_rename_shows_on_the_next_read_although_the_old_name_was_cached()
    {
        await using var factory = new AuthApiFactory(time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        using var client = factory.CreateClient();
        var user = await client.SignUpAsync(name: "Ada");
        await client.GetUserAsync(user.AccessToken);

        await client.SendWithTokenAsync(HttpMethod.Patch, "/auth/user", user.AccessToken, new { name = "Ada King" });
        var body = await (await client.GetUserAsync(user.AccessToken)).ReadJsonAsync();

        Assert.That(body.GetProperty("name").GetString(), Is.EqualTo("Ada King"));
    }

    [Test]
    public async Task A_change_saved_directly_in_the_database_context_also_drops_the_cached_view()
    {
        await using var factory = new AuthApiFactory(time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        using var client = factory.CreateClient();
        var user = await client.SignUpAsync(name: "Ada");
        await client.GetUserAsync(user.AccessToken);

        await factory.WithDatabaseAsync(async db =>
        {
            var stored = await db.Users.FindAsync(user.Auth.User.Id);
            stored!.Rename("Countess", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var body = await (await client.GetUserAsync(user.AccessToken)).ReadJsonAsync();

        Assert.That(body.GetProperty("name").GetString(), Is.EqualTo("Countess"));
    }
}
