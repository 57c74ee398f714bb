using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Persistence;

/// <summary>Which database, and whether to migrate it at start; bound from <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "Auth";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Applies pending migrations at start. Turn off where a deployment step migrates instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>The SQLite file used when no <c>ConnectionStrings:Auth</c> is set; relative to the content root.</summary>
    public string SqliteFile { get; set; } = ".local/auth.db";

    /// <summary>
    /// SQLite only: sync the journal to disk on every commit, so a commit survives power loss too, at about 4 ms of
    /// disk wait per write (see <see cref="SqliteConnectionSetup"/>). Off: commits survive a process crash.
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

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

internal sealed class DatabaseOptionsValidator(bool hasConnectionString) : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail("Database:Provider must be Sqlite or SqlServer.");
        }

        return options.Provider == DatabaseProvider.SqlServer && !hasConnectionString
            ? ValidateOptionsResult.Fail($"ConnectionStrings:{DatabaseOptions.ConnectionStringName} must be set when Database:Provider is SqlServer.")
            : ValidateOptionsResult.Success;
    }
}
