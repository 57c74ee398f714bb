using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Auth.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.Admin;

public sealed class AuditTrailTests
{
    [Test]
    public async Task Security_events_are_stored_with_the_acting_admin_and_read_newest_first_filtered_by_user_and_type()
    {
        var adminEmail = ApiClientExtensions.NewEmail();
        await using var factory = AdminFixture.CreateFactory(adminEmail);
        using var client = factory.CreateClient();
        var admin = await factory.SignUpAdminAsync(client, adminEmail);
        var user = await client.SignUpAsync();
        await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "wrong password" });
        await client.SendWithTokenAsync(HttpMethod.Post, $"/admin/users/{user.Auth.User.Id}/disable", admin.AccessToken);

        var events = await WaitForEventsAsync(client, admin.AccessToken, $"userId={user.Auth.User.Id}", 3);
        var types = events.Select(e => e.GetProperty("type").GetString()).ToArray();
        var disabled = events.First(e => e.GetProperty("type").GetString() == "AccountDisabled");
        var onlyFailures = await ReadAsync(client, admin.AccessToken, $"userId={user.Auth.User.Id}&type=LoginFailed");

        Assert.Multiple(() =>
        {
            Assert.That(types, Is.EqualTo(new[] { "AccountDisabled", "LoginFailed", "SignedUp" }), "newest first");
            Assert.That(disabled.GetProperty("actorId").GetGuid(), Is.EqualTo(admin.Auth.User.Id));
            Assert.That(disabled.GetProperty("userId").GetGuid(), Is.EqualTo(user.Auth.User.Id));
            Assert.That(events.Last().GetProperty("sessionId").GetGuid(), Is.EqualTo(user.Auth.SessionIdFromToken()));
            Assert.That(onlyFailures.Select(e => e.GetProperty("type").GetString()), Is.EqualTo(new[] { "LoginFailed" }));
        });
    }

    [Test]
    public async Task No_secret_reaches_the_audit_table()
    {
        var adminEmail = ApiClientExtensions.NewEmail();
        await using var factory = AdminFixture.CreateFactory(adminEmail);
        using var client = factory.CreateClient();
        var admin = await factory.SignUpAdminAsync(client, adminEmail);
        await WaitForEventsAsync(client, admin.AccessToken, $"userId={admin.Auth.User.Id}", 1);

        var rows = await factory.WithDatabaseAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());

        var text = JsonSerializer.Serialize(rows);
        Assert.That(text, Does.Not.Contain(admin.Password).And.Not.Contain(admin.AccessToken).And.Not.Contain(admin.Auth.RefreshToken).And.Not.Contain("$argon2"));
    }

    [Test]
    public async Task Paging_and_a_time_range_narrow_the_trail()
    {
        var adminEmail = ApiClientExtensions.NewEmail();
        await using var factory = AdminFixture.CreateFactory(adminEmail);
        using var client = factory.CreateClient();
        var admin = await factory.SignUpAdminAsync(client, adminEmail);
        for (var i = 0; i < 3; i++)
        {
            await client.PostAsJsonAsync("/auth/login", new { email = admin.Email, password = "wrong password" });
        }

        // SignedUp, EmailConfirmed, BootstrapAdminOnConfirmation, LoginSucceeded and the three failures.
        await WaitForEventsAsync(client, admin.AccessToken, $"userId={admin.Auth.User.Id}", 7);
        var page = await (await client.SendWithTokenAsync(HttpMethod.Get, $"/admin/audit?userId={admin.Auth.User.Id}&pageSize=2&page=2", admin.AccessToken)).ReadJsonAsync();
        var future = await ReadAsync(client, admin.AccessToken, $"from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}");
        var badRange = await client.SendWithTokenAsync(HttpMethod.Get, "/admin/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", admin.AccessToken);
        var badType = await client.SendWithTokenAsync(HttpMethod.Get, "/admin/audit?type=Nonsense", admin.AccessToken);

        Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(7));
        Assert.That(page.GetProperty("items").GetArrayLength(), Is.EqualTo(2));
        Assert.That(future, Is.Empty);
        await badRange.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await badType.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task A_time_filter_compares_instants_whatever_offset_it_is_written_with()
    {
        var adminEmail = ApiClientExtensions.NewEmail();
        await using var factory = AdminFixture.CreateFactory(adminEmail);
        using var client = factory.CreateClient();
        var admin = await factory.SignUpAdminAsync(client, adminEmail);
        await client.PostAsJsonAsync("/auth/login", new { email = admin.Email, password = "wrong password" });
        var events = await WaitForEventsAsync(client, admin.AccessToken, $"userId={admin.Auth.User.Id}", 5);
        // The oldest event's instant splits the trail: every event is at or after it, only it is at or before it.
        var oldest = events.Last().GetProperty("at").GetDateTimeOffset();
        var atOldest = events.Count(e => e.GetProperty("at").GetDateTimeOffset() == oldest);

        int[] Counts(string parameter) =>
        [
            .. new[] { TimeSpan.Zero, TimeSpan.FromHours(5), TimeSpan.FromHours(-5) }.Select(offset =>
                ReadAsync(client, admin.AccessToken,
                    $"userId={admin.Auth.User.Id}&{parameter}={Uri.EscapeDataString(oldest.ToOffset(offset).ToString("O"))}")
                .GetAwaiter().GetResult().Length),
        ];

        Assert.Multiple(() =>
        {
            Assert.That(Counts("from"), Is.EqualTo(new[] { events.Length, events.Length, events.Length }), "from, written as Z, +05:00, -05:00");
            Assert.That(Counts("to"), Is.EqualTo(new[] { atOldest, atOldest, atOldest }), "to, written as Z, +05:00, -05:00");
            Assert.That(oldest.Offset, Is.EqualTo(TimeSpan.Zero), "stored and read back as UTC");
        });
    }

    [Test]
    public async Task A_non_admin_probing_the_admin_routes_is_on_the_trail_once_a_minute_not_once_a_request()
    {
        var adminEmail = ApiClientExtensions.NewEmail();
        await using var factory = AdminFixture.CreateFactory(adminEmail);
        using var client = factory.CreateClient();
        var admin = await factory.SignUpAdminAsync(client, adminEmail);
        var prober = await client.SignUpAsync();

        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "/admin/users", "/admin/audit", $"/admin/users/{admin.Auth.User.Id}", "/admin/users" })
        {
            statuses.Add((await client.SendWithTokenAsync(HttpMethod.Get, path, prober.AccessToken)).StatusCode);
        }

        var anonymous = await client.GetAsync("/admin/users");
        var refused = await WaitForEventsAsync(client, admin.AccessToken, $"userId={prober.Auth.User.Id}&type=AdminAccessRefused", 1);
        // A later event of the prober: once it is on the trail, a second refusal recorded before it would be too.
        await client.SendWithTokenAsync(HttpMethod.Post, "/auth/logout", prober.AccessToken);
        await WaitForEventsAsync(client, admin.AccessToken, $"userId={prober.Auth.User.Id}&type=LoggedOut", 1);
        var all = await ReadAsync(client, admin.AccessToken, $"userId={prober.Auth.User.Id}&type=AdminAccessRefused");

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.Forbidden), "recording never changes the answer");
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(all, Has.Length.EqualTo(1));
            Assert.That(refused[0].GetProperty("userId").GetGuid(), Is.EqualTo(prober.Auth.User.Id));
        });
    }

    [Test]
    public async Task Entries_past_the_retention_are_pruned()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var adminEmail = ApiClientExtensions.NewEmail();
        await using var factory = AdminFixture.CreateFactory(adminEmail, time: time);
        using var client = factory.CreateClient();
        var admin = await factory.SignUpAdminAsync(client, adminEmail);
        await WaitForEventsAsync(client, admin.AccessToken, $"userId={admin.Auth.User.Id}", 1);
        // Every event of the signup on the trail first: one delivered after the prune would outlive it.
        await factory.WaitForOutboxDrainedAsync();

        time.Advance(TimeSpan.FromDays(91));
        var remaining = await Eventually.WaitForAsync(() => factory.WithDatabaseAsync(db => db.AuditEntries.CountAsync()), n => n == 0, "the audit trail to be pruned");

        Assert.That(remaining, Is.Zero);
    }

    private static async Task<JsonElement[]> WaitForEventsAsync(HttpClient client, string adminToken, string query, int count)
    {
        // Events are stored by a background writer a moment after the request that caused them.
        return await Eventually.WaitForAsync(() => ReadAsync(client, adminToken, query), events => events.Length >= count, $"{count} audit events for {query}");
    }

    private static async Task<JsonElement[]> ReadAsync(HttpClient client, string adminToken, string query)
    {
        var response = await client.SendWithTokenAsync(HttpMethod.Get, $"/admin/audit?{query}", adminToken);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray()];
    }
}
