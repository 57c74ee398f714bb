using Auth.Application.Admin.ListAuditEvents;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Admin.ListAuditEvents;

public class ListAuditEventsValidatorTests
{
    private static readonly ListAuditEventsQuery Valid =
        new(Guid.NewGuid(), "LoginFailed", TestClock.Start.AddDays(-1), TestClock.Start, 1, 50);

    private readonly ListAuditEventsValidator validator = new();

    [Test]
    public void A_full_filter_passes() => Assert.That(validator.Validate(Valid).IsValid, Is.True);

    [Test]
    public void No_filter_at_all_passes() =>
        Assert.That(validator.Validate(new ListAuditEventsQuery(null, null, null, null, 1, 100)).IsValid, Is.True);

    [Test]
    public void From_equal_to_To_passes() =>
        Assert.That(validator.Validate(Valid with { From = TestClock.Start, To = TestClock.Start }).IsValid, Is.True);

    [Test]
    public void From_after_To_fails_on_To()
    {
        var result = validator.Validate(Valid with { From = TestClock.Start.AddSeconds(1) });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "To" }));
            Assert.That(result.MessagesFor("To"), Is.EqualTo(new[] { "From must not be after to." }));
        });
    }

    [TestCase("NoSuchEvent")]
    [TestCase("loginfailed")]
    [TestCase("")]
    public void A_type_that_is_not_an_event_name_fails_on_Type(string type)
    {
        var result = validator.Validate(Valid with { Type = type });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Type" }));
            Assert.That(result.MessagesFor("Type").Single(), Does.StartWith("Type must be one of: SignedUp, LoginSucceeded,"));
        });
    }

    [TestCase(0, 50, "Page")]
    [TestCase(1, 0, "PageSize")]
    [TestCase(1, 101, "PageSize")]
    public void Paging_outside_the_bounds_fails(int page, int size, string property) =>
        Assert.That(validator.Validate(Valid with { Page = page, PageSize = size }).FailedProperties(), Is.EqualTo(new[] { property }));

    [TestCase("3")]
    [TestCase("LoginFailed,LoggedOut")]
    [TestCase(" LoginFailed ")]
    [TestCase("loginfailed")]
    public void Only_exact_event_names_pass_as_type(string type) =>
        Assert.That(validator.Validate(Valid with { Type = type }).IsValid, Is.False);
}
