using System.Reflection;
using Auth.Infrastructure.Persistence;
using NetArchTest.Rules;

namespace Auth.ArchitectureTests;

/// <summary>
/// One place per database provider: everything that differs between databases lives in its folder
/// (<c>Persistence/Providers/&lt;Name&gt;</c>), and the only thing outside it that names a provider is the one list
/// of providers. So adding a provider touches one folder and one line.
/// </summary>
public sealed class DatabaseProviderRulesTests
{
    private const string ProvidersNamespace = "Auth.Infrastructure.Persistence.Providers";
    private const string Registry = ProvidersNamespace + ".DatabaseProviders";

    private static readonly Assembly Infrastructure = typeof(AuthDbContext).Assembly;

    /// <summary>Driver namespaces, and the prefixes of the providers' EF extension classes (<c>UseSqlite</c>, <c>IsSqlServer</c>).</summary>
    private static readonly string[] DriverTypes =
    [
        "Microsoft.Data.Sqlite", "Microsoft.Data.SqlClient", "Npgsql",
        "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.EntityFrameworkCore.SqlServer", "Microsoft.EntityFrameworkCore.Npgsql",
    ];

    [Test]
    public void Only_provider_folders_use_a_database_driver()
    {
        var result = Types.InAssembly(Infrastructure).That().DoNotResideInNamespace(ProvidersNamespace)
            .ShouldNot().HaveDependencyOnAny(DriverTypes).GetResult();

        AssertHolds(result);
    }

    [Test]
    public void Only_the_list_of_providers_names_a_provider()
    {
        var providers = ProviderNamespaces();
        Assert.That(providers, Has.Length.GreaterThanOrEqualTo(2), "the provider folders were not found");

        Assert.Multiple(() =>
        {
            foreach (var provider in providers)
            {
                var result = Types.InAssembly(Infrastructure).That().DoNotResideInNamespace(provider)
                    .And().DoNotHaveName("DatabaseProviders")
                    .ShouldNot().HaveDependencyOn(provider).GetResult();

                Assert.That(result.IsSuccessful, Is.True, $"{provider} is named outside its folder by: {string.Join(", ", result.FailingTypeNames ?? [])}");
            }
        });
    }

    /// <summary>The rule above can fail: the list itself names every provider.</summary>
    [Test]
    public void The_list_of_providers_breaks_the_rule_it_is_exempt_from()
    {
        var result = Types.InAssembly(Infrastructure).That().HaveName("DatabaseProviders")
            .ShouldNot().HaveDependencyOnAny(ProviderNamespaces()).GetResult();

        Assert.That(result.FailingTypeNames, Is.EqualTo(new[] { Registry }));
    }

    /// <summary>The driver rule can fail: the provider folders do use their drivers.</summary>
    [Test]
    public void Provider_folders_break_the_driver_rule()
    {
        var result = Types.InAssembly(Infrastructure).That().ResideInNamespace(ProvidersNamespace + ".Sqlite")
            .ShouldNot().HaveDependencyOnAny(DriverTypes).GetResult();

        Assert.That(result.IsSuccessful, Is.False);
    }

    private static string[] ProviderNamespaces() =>
        [.. Infrastructure.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(ns => ns.StartsWith(ProvidersNamespace + ".", StringComparison.Ordinal))
            .Select(ns => string.Join('.', ns.Split('.').Take(5)))
            .Distinct()];

    private static void AssertHolds(TestResult result) =>
        Assert.That(result.IsSuccessful, Is.True, $"violations: {string.Join(", ", result.FailingTypeNames ?? [])}");
}
