using System.Reflection;
using System.Runtime.CompilerServices;
using Auth.Infrastructure;
using Auth.Infrastructure.Audit;
using Auth.Infrastructure.Housekeeping;
using Auth.Infrastructure.Outbox;
using Auth.Infrastructure.Persistence;
using Auth.Infrastructure.Persistence.Providers.SqlServer;
using Auth.Infrastructure.Revocation;
using Auth.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Auth.IntegrationTests.Persistence;

/// <summary>
/// SQL Server cannot run on these machines, so what the service would send it is checked by SQL Server's own parser
/// (ScriptDom, the engine's T-SQL grammar; TSql160 = SQL Server 2022): the idempotent migration script, every query
/// and statement of every repository and store (each public method called through the real SQL Server context with
/// nothing behind it, see <see cref="SqlServerCapture"/>), and the insert, update and delete of every entity that
/// <c>SaveChanges</c> generates. Any parse error fails. What this does not prove is listed in decision 12.
/// </summary>
public sealed class SqlServerSqlTests
{
    [Test]
    public void The_idempotent_migration_script_parses_as_sql_server_2022()
    {
        using var db = new SqlServerAuthDbContext(new DbContextOptionsBuilder<SqlServerAuthDbContext>().UseSqlServer("Server=unused;Database=Auth").Options);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        AssertParses([script]);
        Assert.That(script, Does.Contain("CREATE UNIQUE INDEX [IX_Users_NormalizedEmail]"));
    }

    [Test]
    public async Task Every_repository_query_and_every_entity_write_parses_as_sql_server_2022()
    {
        var capture = new SqlServerCapture();
        await using var services = Services(capture);
        await using (var scope = services.CreateAsyncScope())
        {
            foreach (var type in RepositoryTypes())
            {
                await CallEveryMethodAsync(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));
            }
        }

        await using (var scope = services.CreateAsyncScope())
        {
            await WriteEveryEntityAsync(scope.ServiceProvider.GetRequiredService<AuthDbContext>());
        }

        var commands = capture.Commands;
        AssertParses(commands);
        Assert.Multiple(() =>
        {
            Assert.That(commands, Has.Count.GreaterThan(60), "the repositories were exercised");
            Assert.That(commands, Has.Some.Contains("OFFSET @").And.Contains("ROWS FETCH NEXT @"), "paging is OFFSET/FETCH");
            Assert.That(commands, Has.Some.Contains("UPDATE [Users]").And.Contains("[SecurityStamp] = @"), "the security stamp is checked by the update");
            Assert.That(commands, Has.Some.Contains("UPDATE [RefreshTokens]").And.Contains("[UsedAt] IS NULL"), "a refresh token is spent once");
            Assert.That(commands, Has.Some.Contains("INSERT INTO \"LoginThrottles\"").And.Contains("WHERE NOT EXISTS"), "the lockout counter's portable raw SQL");
            Assert.That(commands, Has.Some.Contains("DELETE FROM [s]").And.Contains("FROM [SessionRevocations] AS [s]"), "revocations are pruned");
        });
    }

    private static ServiceProvider Services(SqlServerCapture capture)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Auth"] = "Server=unused;Database=Auth",
            // The outbox processor's mail effect is built with it; nothing is sent.
            ["Email:Transport"] = "Pickup",
            ["Email:PickupDirectory"] = TestPaths.NewDirectory(),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        var environment = new HostingEnvironment { EnvironmentName = "Testing", ContentRootPath = TestPaths.NewDirectory() };
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(environment);
        services.AddInfrastructure(configuration, environment);
        services.ConfigureDbContext<SqlServerAuthDbContext>(o => o.AddInterceptors(capture.Interceptors));
        return services.BuildServiceProvider();
    }

    /// <summary>Every class that sends SQL on a request's or a background job's behalf.</summary>
    private static IEnumerable<Type> RepositoryTypes() =>
        typeof(AuthDbContext).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && !t.IsNested && !t.Name.StartsWith('<'))
            .Where(t => t.Namespace == "Auth.Infrastructure.Persistence.Repositories"
                || t == typeof(RevocationStore) || t == typeof(AuditStore) || t == typeof(HousekeepingStore) || t == typeof(OutboxProcessor))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static async Task CallEveryMethodAsync(object repository)
    {
        var methods = repository.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && !m.ContainsGenericParameters);
        foreach (var method in methods)
        {
            try
            {
                if (method.Invoke(repository, [.. method.GetParameters().Select(p => Argument(p.ParameterType))]) is Task task)
                {
                    await task;
                }
            }
#pragma warning disable CA1031 // No row comes back, so a method may fail after its SQL was sent; the SQL is what is checked.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    /// <summary>Insert, then update every column, then delete, of one instance of each entity, through the change tracker.</summary>
    private static async Task WriteEveryEntityAsync(AuthDbContext db)
    {
        foreach (var entityType in db.Model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            await SaveAsync(db, () => Fill(db.Add(Keyed(entityType))));
            await SaveAsync(db, () =>
            {
                var entry = Fill(db.Attach(Keyed(entityType)));
                foreach (var property in entry.Properties.Where(p => !p.Metadata.IsPrimaryKey()))
                {
                    property.IsModified = true;
                }
            });
            await SaveAsync(db, () => db.Remove(Fill(db.Attach(Keyed(entityType))).Entity));
        }
    }

    /// <summary>An instance with its key set (a text key cannot be tracked while null); the rest is set once tracked.</summary>
    private static object Keyed(Microsoft.EntityFrameworkCore.Metadata.IEntityType entityType)
    {
        var instance = RuntimeHelpers.GetUninitializedObject(entityType.ClrType);
        foreach (var key in entityType.FindPrimaryKey()!.Properties)
        {
            if (key.FieldInfo is { } field)
            {
                field.SetValue(instance, Argument(key.ClrType));
            }
            else
            {
                key.PropertyInfo!.SetValue(instance, Argument(key.ClrType));
            }
        }

        return instance;
    }

    private static Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry Fill(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        foreach (var property in entry.Properties.Where(p => !p.Metadata.IsPrimaryKey()))
        {
            property.CurrentValue = Argument(property.Metadata.ClrType);
        }

        return entry;
    }

    private static async Task SaveAsync(AuthDbContext db, Action change)
    {
        try
        {
            change();
            await db.SaveChangesAsync();
        }
#pragma warning disable CA1031 // No row is affected, so EF reports a concurrency failure after sending the statement.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        db.ChangeTracker.Clear();
    }

    private static object? Argument(Type type) => type switch
    {
        _ when type == typeof(CancellationToken) => CancellationToken.None,
        _ when type == typeof(string) => "ada@example.com",
        _ when type == typeof(Guid) || type == typeof(Guid?) => Guid.NewGuid(),
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?) => DateTimeOffset.UtcNow,
        _ when type == typeof(TimeSpan) => TimeSpan.FromMinutes(1),
        _ when type == typeof(int) || type == typeof(int?) => 1,
        _ when type == typeof(long) || type == typeof(long?) => 1L,
        _ when type == typeof(byte[]) => new byte[] { 1 },
        _ when type == typeof(string[]) => new[] { "user" },
        _ when type.IsAssignableFrom(typeof(List<Guid>)) => new List<Guid> { Guid.NewGuid() },
        _ when type.IsAssignableFrom(typeof(List<string>)) => new List<string> { "user" },
        _ when type.IsEnum => Enum.GetValues(type).GetValue(0),
        _ when type.IsValueType => Activator.CreateInstance(type),
        _ when type is { IsClass: true, IsAbstract: false } && type != typeof(object) && !type.IsArray => RuntimeHelpers.GetUninitializedObject(type),
        _ => null,
    };

    private static void AssertParses(IReadOnlyList<string> sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var failures = new List<string>();
        foreach (var text in sql)
        {
            using var reader = new StringReader(text);
            parser.Parse(reader, out var errors);
            failures.AddRange(errors.Select(e => $"line {e.Line}: {e.Message}\n{text}"));
        }

        Assert.That(failures, Is.Empty, "SQL Server would refuse this SQL");
    }
}
