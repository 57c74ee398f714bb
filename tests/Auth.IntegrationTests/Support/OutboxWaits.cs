using Microsoft.EntityFrameworkCore;

namespace Auth.IntegrationTests.Support;

/// <summary>Waits on the outbox with a deadline instead of sleeping: delivery runs in the background.</summary>
public static class OutboxWaits
{
    /// <summary>Until every stored event was delivered (or given up), so what was not delivered never will be.</summary>
    public static async Task WaitForOutboxDrainedAsync(this AuthApiFactory factory)
    {
        await Eventually.WaitForAsync(
            () => factory.WithDatabaseAsync(db => db.OutboxMessages.CountAsync(m => m.ProcessedAt == null)), undelivered => undelivered == 0,
            "every outbox event to be delivered");
    }
}
