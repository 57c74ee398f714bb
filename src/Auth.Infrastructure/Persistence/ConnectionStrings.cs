using Auth.Infrastructure.Persistence.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Auth.Infrastructure.Persistence;

internal static class ConnectionStrings
{
    public static string Resolve(IConfiguration configuration, DatabaseOptions options, DatabaseProvider provider, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        // Null: the provider needs one, and DatabaseOptionsValidator stops the start before anything connects.
        return provider.DefaultConnectionString(options, environment) ?? "";
    }
}
