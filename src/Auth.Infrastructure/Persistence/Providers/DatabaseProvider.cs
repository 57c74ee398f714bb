using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Auth.Infrastructure.Persistence.Providers;

/// <summary>
/// Everything that differs between databases, in one place per provider: its derived context (and so its
/// migrations and compiled model), its <c>UseXxx</c> configuration, how it reports a violated constraint, and
/// whether it admits one writer at a time. The rest of Infrastructure talks to <see cref="AuthDbContext"/> and to
/// this; Application never learns which provider runs. Adding one: a folder beside Sqlite and SqlServer, and a line
/// in <see cref="DatabaseProviders"/>.
/// </summary>
internal abstract class DatabaseProvider
{
    /// <summary>The value of <c>Database:Provider</c> that selects it (compared ignoring case).</summary>
    public abstract string Name { get; }

    /// <summary>
    /// True when the database admits a single writer at a time, so writes within this process queue at the
    /// <see cref="WriteGate"/> instead of at the database's lock.
    /// </summary>
    public abstract bool SingleWriter { get; }

    /// <summary>The connection string to use when <c>ConnectionStrings:Auth</c> is not set; null when one is required.</summary>
    public virtual string? DefaultConnectionString(DatabaseOptions options, IHostEnvironment environment) => null;

    /// <summary>Registers the pooled context as <see cref="AuthDbContext"/>; <paramref name="shared"/> adds what every provider gets.</summary>
    public abstract void AddContext(IServiceCollection services, string connectionString, DatabaseOptions options,
        Action<IServiceProvider, DbContextOptionsBuilder> shared);

    /// <summary>What the exception says was violated, if it is a constraint violation; names are the model's.</summary>
    public abstract ConstraintViolation Classify(Exception? exception, IModel model);

    /// <summary>Before migrating: whatever the database needs to exist (SQLite's folder).</summary>
    public virtual Task PrepareAsync(AuthDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After migrating: settings kept in the database itself.</summary>
    public virtual Task AfterMigrationAsync(AuthDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>How an operator recreates the database, for the log line of an unknown migration history.</summary>
    public abstract string RecreateAdvice(string connectionString);
}
