using Auth.Application.Admin.ListUsers;
using Auth.Application.Common.Validation;
using Auth.Application.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Admin.ListUsers;

public class ListUsersValidatorTests
{
    private static readonly ListUsersQuery Valid = new("ada", UserSort.CreatedDesc, 1, 20);

    private readonly ListUsersValidator validator = new();

    [Test]
    public void A_valid_query_passes() => Assert.That(validator.Validate(Valid).IsValid, Is.True);

    [Test]
    public void No_prefix_and_the_largest_page_pass() =>
        Assert.That(validator.Validate(Valid with { EmailPrefix = null, PageSize = RuleExtensions.MaxPageSize }).IsValid, Is.True);

    [TestCase(0)]
    [TestCase(-1)]
    public void A_page_below_1_fails_on_Page(int page)
    {
        var result = validator.Validate(Valid with { Page = page });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Page" }));
            Assert.That(result.MessagesFor("Page"), Is.EqualTo(new[] { "Page must be between 1 and 1000000." }));
        });
    }

    [TestCase(0)]
    [TestCase(101)]
    public void A_page_size_outside_1_to_100_fails_on_PageSize(int size)
    {
        var result = validator.Validate(Valid with { PageSize = size });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "PageSize" }));
            Assert.That(result.MessagesFor("PageSize"), Is.EqualTo(new[] { "Page size must be between 1 and 100." }));
        });
    }

    [Test]
    public void An_overlong_prefix_fails_on_EmailPrefix() =>
        Assert.That(validator.Validate(Valid with { EmailPrefix = new string('a', 255) }).FailedProperties(), Is.EqualTo(new[] { "EmailPrefix" }));

    [Test]
    public void An_undefined_sort_fails_on_Sort()
    {
        var result = validator.Validate(Valid with { Sort = (UserSort)99 });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Sort" }));
            Assert.That(result.MessagesFor("Sort"), Is.EqualTo(new[] { "Sort must be createdDesc, createdAsc, emailAsc or emailDesc." }));
        });
    }
}
