using Auth.Infrastructure.Revocation;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Auth.Infrastructure.Persistence;

/// <summary>Ready when the database answers, its schema is one this build knows, and the revocation list has been loaded from it.</summary>
internal sealed class DatabaseReadinessCheck(AuthDbContext db, InMemoryRevocationList revocations, DatabaseSchemaStatus schema) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (schema.Problem is { } problem)
        {
            return HealthCheckResult.Unhealthy(problem);
        }

        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }
        }
#pragma warning disable CA1031 // Any failure to connect means not ready.
        catch (Exception)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The database does not answer.");
        }

        return revocations.IsLoaded
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The revocation list has not been loaded yet.");
    }
}
