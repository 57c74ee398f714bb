using Auth.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.Outbox;

public sealed class OutboxTests
{
    [Test]
    public async Task A_change_and_its_events_are_stored_in_one_commit_and_delivered_by_the_dispatcher()
    {
        await using var factory = new AuthApiFactory();
        using var client = factory.CreateClient();

        var user = await client.SignUpAsync();
        await factory.WaitForOutboxDrainedAsync();

        var messages = await factory.WithDatabaseAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Type).ToListAsync());
        var audit = await factory.WithDatabaseAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.UserId == user.Auth.User.Id).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(messages.Select(m => m.Type), Is.EqualTo(new[] { "EmailConfirmationRequested", "UserRegistered" }));
            Assert.That(messages.Select(m => m.ProcessedAt), Is.All.Not.Null);
            Assert.That(messages[0].Payload, Is.Null, "the mailed token is not kept once sent");
            Assert.That(audit.Single().Id, Is.EqualTo(messages[1].Id), "the audit entry carries its event's id");
            Assert.That(Mailbox.Read(factory.MailDirectory, user.Email), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Delivered_messages_past_the_retention_are_pruned_and_undelivered_ones_stay()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = new AuthApiFactory(time: time, settings: new Dictionary<string, string?>
        {
            // The mail fails and waits a day for its next try: its message stays undelivered.
            ["Email:Transport"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = "1",
            ["Email:Smtp:Security"] = "None",
            ["Email:RetryDelay"] = "1.00:00:00",
            ["Outbox:Retention"] = "02:00:00",
        });
        using var client = factory.CreateClient();
        await client.SignUpAsync();
        await WaitUntilAsync(factory, async db =>
            await db.OutboxMessages.CountAsync(m => m.ProcessedAt != null) == 1 && await db.OutboxMessages.CountAsync(m => m.Attempts == 1 && m.ProcessedAt == null) == 1);

        time.Advance(TimeSpan.FromHours(3));

        await WaitUntilAsync(factory, async db => await db.OutboxMessages.CountAsync(m => m.ProcessedAt != null) == 0);
        var left = await factory.WithDatabaseAsync(db => db.OutboxMessages.AsNoTracking().Select(m => m.Type).ToListAsync());
        Assert.That(left, Is.EqualTo(new[] { "EmailConfirmationRequested" }));
    }

    private static async Task WaitUntilAsync(AuthApiFactory factory, Func<Auth.Infrastructure.Persistence.AuthDbContext, Task<bool>> condition)
    {
        await Eventually.WaitUntilAsync(() => factory.WithDatabaseAsync(condition), "the outbox to reach the expected state");
    }
}
