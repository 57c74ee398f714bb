using Microsoft.EntityFrameworkCore;

namespace Auth.IntegrationTests.Support;

/// <summary>Waits on the outbox with a deadline instead of sleeping: delivery runs in the background.</summary>
public static class OutboxWaits
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>Until every stored event was delivered (or given up), so what was not delivered never will be.</summary>
    public static async Task WaitForOutboxDrainedAsync(this AuthApiFactory factory)
    {
        var until = DateTime.UtcNow + Deadline;
        while (await factory.WithDatabaseAsync(db => db.OutboxMessages.CountAsync(m => m.ProcessedAt == null)) > 0)
        {
            if (DateTime.UtcNow > until)
            {
                throw new AssertionException($"outbox still had undelivered events after {Deadline}");
            }

            await Task.Delay(20);
        }
    }
}
