using Auth.Application.Common.Errors;

namespace Auth.UnitTests.Application.Common.Errors;

public sealed class ErrorCatalogueTests
{
    private static IEnumerable<(string Name, Error Error)> Catalogue() => ErrorCatalogue.Entries;

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

    [Test]
    public void Client_codes_leave_out_only_what_handlers_resolve_themselves()
    {
        Assert.That(ErrorCatalogue.ClientCodes, Does.Not.Contain(AuthErrors.ConcurrentUpdate.Code));
        Assert.That(ErrorCatalogue.ClientCodes, Has.Count.EqualTo(ErrorCatalogue.Entries.Count - 1));
        Assert.That(ErrorCatalogue.Find("email_taken"), Is.SameAs(AuthErrors.EmailTaken));
    }
}
