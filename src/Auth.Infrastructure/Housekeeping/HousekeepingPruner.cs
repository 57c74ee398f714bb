using Auth.Infrastructure.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Housekeeping;

/// <summary>Runs <see cref="HousekeepingStore"/> at start and then every <see cref="HousekeepingOptions.PruneInterval"/>.</summary>
internal sealed partial class HousekeepingPruner(
    IServiceScopeFactory scopes,
    IOptions<HousekeepingOptions> options,
    Persistence.DatabaseSchemaStatus schema,
    TimeProvider time,
    ILogger<HousekeepingPruner> logger) : PeriodicService(schema, time, logger)
{
    protected override TimeSpan Interval => options.Value.PruneInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = Time.GetUtcNow();
        var pruned = await scope.ServiceProvider.GetRequiredService<HousekeepingStore>()
            .PruneAsync(now, now - options.Value.Retention, cancellationToken);
        LogPruned(pruned.Sessions, pruned.RefreshTokens, pruned.AccountTokens, pruned.LoginThrottles, pruned.MfaChallenges);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Sessions} sessions, {RefreshTokens} refresh tokens, {AccountTokens} account tokens, {Throttles} login throttles, {MfaChallenges} expired mfaTokens and passkey challenges")]
    private partial void LogPruned(int sessions, int refreshTokens, int accountTokens, int throttles, int mfaChallenges);
}
