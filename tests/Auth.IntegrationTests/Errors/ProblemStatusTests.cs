using Auth.Api.Errors;
using Auth.Application.Common.Errors;
using Microsoft.AspNetCore.Http;

namespace Auth.IntegrationTests.Errors;

/// <summary>The kind-to-status switch covers every kind, so no error can become a silent 500 at run time.</summary>
public sealed class ProblemStatusTests
{
    [TestCaseSource(nameof(Kinds))]
    public void Every_error_kind_has_a_status(ErrorKind kind)
    {
        int status = 0;
        Assert.DoesNotThrow(() => status = ProblemStatus.For(kind), $"{kind} needs an arm in ProblemStatus.For");
        Assert.That(status, Is.InRange(400, 599));
    }

    [TestCaseSource(nameof(Kinds))]
    public void Only_an_unexpected_error_is_a_500(ErrorKind kind) =>
        Assert.That(ProblemStatus.For(kind) == StatusCodes.Status500InternalServerError, Is.EqualTo(kind == ErrorKind.Unexpected));

    [Test]
    public void Two_kinds_never_share_a_status() =>
        Assert.That(Kinds().Select(ProblemStatus.For), Is.Unique);

    [Test]
    public void An_undefined_kind_is_refused_rather_than_answered_with_a_guess() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProblemStatus.For((ErrorKind)999));

    [TestCase(StatusCodes.Status400BadRequest)]
    [TestCase(StatusCodes.Status401Unauthorized)]
    [TestCase(StatusCodes.Status403Forbidden)]
    [TestCase(StatusCodes.Status404NotFound)]
    [TestCase(StatusCodes.Status405MethodNotAllowed)]
    [TestCase(StatusCodes.Status413PayloadTooLarge)]
    [TestCase(StatusCodes.Status415UnsupportedMediaType)]
    [TestCase(StatusCodes.Status429TooManyRequests)]
    [TestCase(StatusCodes.Status500InternalServerError)]
    [TestCase(StatusCodes.Status503ServiceUnavailable)]
    public void A_problem_no_use_case_named_gets_a_catalogue_error_of_its_own_status(int status) =>
        Assert.That(ProblemStatus.For(ProblemStatus.ErrorFor(status)), Is.EqualTo(status));

    private static ErrorKind[] Kinds() => Enum.GetValues<ErrorKind>();
}
