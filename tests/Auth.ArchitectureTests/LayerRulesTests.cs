using System.Reflection;
using NetArchTest.Rules;

namespace Auth.ArchitectureTests;

/// <summary>The dependency rules of DEVELOPERS.md: Domain on nothing, Application on Domain only, Api never on EF Core nor Infrastructure internals.</summary>
public sealed class LayerRulesTests
{
    private static readonly Assembly Domain = typeof(Domain.Users.User).Assembly;
    private static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;

    [Test]
    public void Domain_depends_on_no_other_layer_and_no_package()
    {
        var result = Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny(
            "Auth.Application", "Auth.Infrastructure", "Auth.Api",
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", "Mediator", "FluentValidation")
            .GetResult();

        AssertHolds(result);
    }

    [Test]
    public void Domain_references_only_the_base_class_library()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.That(references, Is.All.StartsWith("System").Or.EqualTo("netstandard"));
    }

    [Test]
    public void Application_depends_on_domain_only()
    {
        var result = Types.InAssembly(Application).ShouldNot().HaveDependencyOnAny(
            "Auth.Infrastructure", "Auth.Api", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.IdentityModel", "Geralt")
            .GetResult();

        AssertHolds(result);
    }

    [Test]
    public void Application_references_only_domain_mediator_fluentvalidation_and_the_base_class_library()
    {
        var allowed = new[] { "Auth.Domain", "Mediator", "FluentValidation", "FluentValidation.DependencyInjectionExtensions", "Microsoft.Extensions.DependencyInjection.Abstractions", "netstandard" };

        var references = Application.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(name => !name.StartsWith("System", StringComparison.Ordinal) && !allowed.Contains(name))
            .ToArray();

        Assert.That(references, Is.Empty);
    }

    [Test]
    public void Api_never_touches_ef_core_directly()
    {
        var result = Types.InAssembly(Api).ShouldNot().HaveDependencyOn("Microsoft.EntityFrameworkCore").GetResult();

        AssertHolds(result);
    }

    [Test]
    public void Infrastructure_does_not_depend_on_the_api()
    {
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("Auth.Api").GetResult();

        AssertHolds(result);
    }

    [Test]
    public void Handlers_live_in_application_and_are_sealed()
    {
        var result = Types.InAssembly(Application).That().HaveNameEndingWith("Handler").Should().BeSealed().GetResult();

        AssertHolds(result);
        Assert.That(Types.InAssembly(Application).That().HaveNameEndingWith("Handler").GetTypes(), Is.Not.Empty);
    }

    [Test]
    public void Controllers_do_not_reach_repositories_or_the_database()
    {
        var result = Types.InAssembly(Api).That().HaveNameEndingWith("Controller")
            .ShouldNot().HaveDependencyOnAny("Auth.Infrastructure.Persistence", "Auth.Application.Abstractions")
            .GetResult();

        AssertHolds(result);
    }

    [Test]
    public void Api_reaches_infrastructure_only_through_its_entry_points()
    {
        var result = Types.InAssembly(Api).ShouldNot().HaveDependencyOnAny(InfrastructureInternals()).GetResult();

        AssertHolds(result);
    }

    /// <summary>
    /// The entry-point rule must be able to fail: Infrastructure's own composition root wires its internals, so the
    /// same rule applied to it is broken. If it passed, the list of internal namespaces would be empty or wrong.
    /// </summary>
    [Test]
    public void The_entry_point_rule_is_reported_as_broken_for_code_that_reaches_into_internals()
    {
        var result = Types.InAssembly(Infrastructure).That().HaveName(nameof(global::Auth.Infrastructure.DependencyInjection))
            .ShouldNot().HaveDependencyOnAny(InfrastructureInternals()).GetResult();

        Assert.That(result.IsSuccessful, Is.False);
        Assert.That(result.FailingTypeNames, Has.Some.EqualTo(typeof(global::Auth.Infrastructure.DependencyInjection).FullName));
    }

    /// <summary>
    /// A rule that must be broken: Infrastructure does use EF Core. If NetArchTest ever reported it as kept (a
    /// rule aimed at the wrong assembly, a broken scan), every rule above could be passing silently.
    /// </summary>
    [Test]
    public void A_deliberately_broken_rule_is_reported_as_broken()
    {
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("Microsoft.EntityFrameworkCore").GetResult();

        Assert.That(result.IsSuccessful, Is.False);
        Assert.That(result.FailingTypeNames, Has.Some.Contains("AuthDbContext"));
    }

    /// <summary>
    /// The namespaces behind Infrastructure's entry points: Api may use the registrations in <c>Auth.Infrastructure</c>
    /// and the token authentication in <c>Auth.Infrastructure.Authentication</c>, and nothing behind them (token
    /// handlers, claim names, options classes, the DbContext).
    /// </summary>
    /// <summary>
    /// Every Infrastructure type outside its entry points (the root namespace, Authentication, and Telemetry, whose
    /// meter and activity source are public by design), except options classes: those are the configuration contract
    /// that Api's own HTTP concerns read, bound and validated at start like every other setting.
    /// </summary>
    private static string[] InfrastructureInternals()
    {
        string[] entryPoints = ["Auth.Infrastructure", "Auth.Infrastructure.Authentication", "Auth.Infrastructure.Telemetry"];
        var internals = Infrastructure.GetTypes()
            .Where(t => t.Namespace is { } ns && ns.StartsWith("Auth.Infrastructure.", StringComparison.Ordinal) && !entryPoints.Contains(ns))
            .Where(t => !t.Name.EndsWith("Options", StringComparison.Ordinal) && !t.Name.StartsWith('<'))
            .Select(t => t.FullName!)
            .Distinct()
            .ToArray();
        Assert.That(internals, Has.Some.StartsWith("Auth.Infrastructure.Security.Tokens."), "the internal types were not found");

        return internals;
    }

    private static void AssertHolds(TestResult result) =>
        Assert.That(result.IsSuccessful, Is.True, $"violations: {string.Join(", ", result.FailingTypeNames ?? [])}");
}
