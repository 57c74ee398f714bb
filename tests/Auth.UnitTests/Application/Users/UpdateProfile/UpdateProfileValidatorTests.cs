using Auth.Application.Common.Security;
using Auth.Application.Users.UpdateProfile;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Users.UpdateProfile;

public class UpdateProfileValidatorTests
{
    private static readonly UpdateProfileCommand Valid = new(Guid.NewGuid(), Guid.NewGuid(), "Ada King", ClientInfo.Unknown);

    private readonly UpdateProfileValidator validator = new();

    [Test]
    public void A_valid_name_passes() => Assert.That(validator.Validate(Valid).IsValid, Is.True);

    [TestCase("", "Name is required.")]
    [TestCase(" \t ", "Name is required.")]
    [TestCase("Ada\nKing", "Name must not contain control, invisible or text-direction characters.")]
    public void An_invalid_name_fails_on_Name(string name, string message)
    {
        var result = validator.Validate(Valid with { Name = name });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Name" }));
            Assert.That(result.MessagesFor("Name"), Is.EqualTo(new[] { message }));
        });
    }

    [Test]
    public void A_name_longer_than_100_characters_fails_on_Name()
    {
        var result = validator.Validate(Valid with { Name = new string('n', 101) });

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedProperties(), Is.EqualTo(new[] { "Name" }));
            Assert.That(result.MessagesFor("Name"), Is.EqualTo(new[] { "Name must be at most 100 characters." }));
        });
    }
}
