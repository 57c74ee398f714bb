using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace Auth.IntegrationTests.Deployment;

/// <summary>
/// Issue 12, fault 6: what the service acknowledged reaches the audit trail and the mailbox even when the process
/// dies before delivering it. The real process, the run's real database, and a kill nothing can intercept.
/// </summary>
public sealed class CrashRecoveryTests
{
    [Test]
    public async Task Audit_entries_and_mails_acknowledged_before_a_kill_are_delivered_after_the_restart()
    {
        var database = TestDatabase.New();
        var mailDirectory = TestPaths.NewDirectory();
        await using var stuckRelay = new SilentSmtpServer();
        var first = await ServiceProcess.StartAsync(Settings(database, new Dictionary<string, string>
        {
            ["Email:Transport"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = stuckRelay.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:Timeout"] = "00:10:00",
        }));
        var ada = ApiClientExtensions.NewEmail();
        var grace = ApiClientExtensions.NewEmail();

        await using (first)
        {
            await first.Client.SignUpAsync(ada);
            var forgot = await first.Client.PostAsJsonAsync("/auth/password/forgot", new { email = ada });
            await first.Client.SignUpAsync(grace);
            Assert.That(forgot.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            await EventuallyAsync(() => Task.FromResult(stuckRelay.Connections > 0), "the first mail to reach the stuck relay");
            // The reset's token is issued off the request (ForgotPassword answers at once), so its events may land a moment later.
            await EventuallyAsync(async () => (await CountAsync(database)).Pending == 5, "the reset's events to be stored");

            var (pending, audited) = await CountAsync(database);
            Assert.That((pending, audited), Is.EqualTo((5, 0)), "all five events stored, none delivered yet");

            await first.KillAsync();
        }

        await using var second = await ServiceProcess.StartAsync(Settings(database, new Dictionary<string, string>
        {
            ["Email:Transport"] = "Pickup",
            ["Email:PickupDirectory"] = mailDirectory,
        }));
        await EventuallyAsync(async () => (await CountAsync(database)).Pending == 0, "the restarted service to deliver every event");

        var audit = await ReadAuditAsync(database);
        Assert.Multiple(() =>
        {
            Assert.That(Mailbox.Read(mailDirectory, ada), Has.Count.EqualTo(2), "confirmation and reset");
            Assert.That(Mailbox.Read(mailDirectory, grace), Has.Count.EqualTo(1));
            Assert.That(audit, Is.EquivalentTo(new[] { "SignedUp", "SignedUp", "PasswordResetRequested" }));
        });
    }

    private static Dictionary<string, string> Settings(string database, Dictionary<string, string> mail)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = TestDatabase.Provider,
            ["ConnectionStrings:Auth"] = TestDatabase.ConnectionString(database),
            ["Jwt:Keys:0:KeyId"] = AuthApiFactory.KeyId,
            ["Jwt:Keys:0:Pem"] = AuthApiFactory.PrivateKeyPem,
            ["PasswordHashing:MemoryKiB"] = "7168",
            ["PasswordHashing:Iterations"] = "5",
            ["RateLimiting:Enabled"] = "false",
            // A dead instance's claim on its rows lapses after the lease; keep it short for the test.
            ["Outbox:Lease"] = "00:00:10",
            ["Outbox:PollInterval"] = "00:00:01",
        };
        foreach (var (key, value) in mail)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task<(int Pending, int Audited)> CountAsync(string database)
    {
        await using var db = Open(database);
        return (await db.OutboxMessages.CountAsync(m => m.ProcessedAt == null), await db.AuditEntries.CountAsync());
    }

    private static async Task<List<string>> ReadAuditAsync(string database)
    {
        await using var db = Open(database);
        return await db.AuditEntries.Select(e => e.Type).ToListAsync();
    }

    private static Auth.Infrastructure.Persistence.AuthDbContext Open(string database) => TestDatabase.Context(database);

    // A restarted process replays its outbox after start-up: a minute on a loaded machine.
    private static Task EventuallyAsync(Func<Task<bool>> condition, string what) =>
        Eventually.WaitUntilAsync(condition, what, TimeSpan.FromSeconds(60));
}
