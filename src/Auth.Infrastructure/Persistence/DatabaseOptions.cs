using Auth.Infrastructure.Persistence.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Persistence;

/// <summary>Which database, and whether to migrate it at start; bound from <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "Auth";

    /// <summary>A name from <see cref="DatabaseProviders"/>: Sqlite (the default), SqlServer, Postgres.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Applies pending migrations at start. Turn off where a deployment step migrates instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>The SQLite file used when no <c>ConnectionStrings:Auth</c> is set; relative to the content root.</summary>
    public string SqliteFile { get; set; } = ".local/auth.db";

    /// <summary>
    /// SQLite only: sync the journal to disk on every commit, so a commit survives power loss too, at about 4 ms of
    /// disk wait per write (see Providers/Sqlite/SqliteConnectionSetup). Off: commits survive a process crash.
    /// </summary>
    public bool SqliteSyncEveryCommit { get; set; }

    /// <summary>
    /// The settings that decide what to register, read before options can be. A value that does not bind falls back
    /// to the default here, so registration goes on and the start-up check reports it with every other problem.
    /// </summary>
    internal static DatabaseOptions ForRegistration(IConfiguration configuration)
    {
        try
        {
            return configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        }
        catch (InvalidOperationException)
        {
            return new DatabaseOptions();
        }
    }
}

internal sealed class DatabaseOptionsValidator(bool hasConnectionString, IHostEnvironment environment) : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (DatabaseProviders.Find(options.Provider) is not { } provider)
        {
            return ValidateOptionsResult.Fail($"Database:Provider must be one of {DatabaseProviders.Names}.");
        }

        return provider.DefaultConnectionString(options, environment) is null && !hasConnectionString
            ? ValidateOptionsResult.Fail($"ConnectionStrings:{DatabaseOptions.ConnectionStringName} must be set when Database:Provider is {provider.Name}.")
            : ValidateOptionsResult.Success;
    }
}
