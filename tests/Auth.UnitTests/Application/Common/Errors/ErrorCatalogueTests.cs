using System.Reflection;
using Auth.Application.Common.Errors;

namespace Auth.UnitTests.Application.Common.Errors;

public sealed class ErrorCatalogueTests
{
    /// <summary>Every error the catalogue names: its fields, and what its factories make.</summary>
    private static IEnumerable<(string Name, Error Error)> Catalogue()
    {
        const BindingFlags PublicStatic = BindingFlags.Public | BindingFlags.Static;
        foreach (var field in typeof(AuthErrors).GetFields(PublicStatic).Where(f => f.FieldType == typeof(Error)))
        {
            yield return (field.Name, (Error)field.GetValue(null)!);
        }

        foreach (var factory in typeof(AuthErrors).GetMethods(PublicStatic).Where(m => m.ReturnType == typeof(Error)))
        {
            var arguments = factory.GetParameters()
                .Select(p => p.ParameterType == typeof(string) ? "token" : Activator.CreateInstance(p.ParameterType)).ToArray();
            yield return (factory.Name, (Error)factory.Invoke(null, arguments)!);
        }
    }

    [Test]
    public void Every_code_in_the_catalogue_names_exactly_one_error()
    {
        var shared = Catalogue()
            .GroupBy(e => e.Error.Code, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Name))}");

        Assert.That(shared, Is.Empty, "a code answers with one status and means one thing");
    }

    [Test]
    public void Every_error_in_the_catalogue_has_a_defined_kind_and_a_snake_case_code()
    {
        Assert.Multiple(() =>
        {
            foreach (var (name, error) in Catalogue())
            {
                Assert.That(Enum.IsDefined(error.Kind), Is.True, name);
                Assert.That(error.Code, Does.Match("^[a-z]+(_[a-z]+)*$"), name);
                Assert.That(error.Message, Is.Not.Empty, name);
            }
        });
    }

    [Test]
    public void The_catalogue_is_found_whole() =>
        Assert.That(Catalogue().Select(e => e.Error.Code), Does.Contain("too_many_attempts").And.Contain("not_found").And.Contain("validation_failed"));
}
