using Auth.Domain.Users;

namespace Auth.UnitTests.Domain.Users;

public class DisplayNameTests
{
    [TestCase("Ada Lovelace", "Ada Lovelace")]
    [TestCase("  Ada Lovelace \t\n", "Ada Lovelace")]
    [TestCase("   ", "")]
    public void Clean_trims_surrounding_whitespace_only(string name, string expected) =>
        Assert.That(DisplayName.Clean(name), Is.EqualTo(expected));

    [Test]
    public void Clean_keeps_inner_whitespace_and_case() =>
        Assert.That(DisplayName.Clean(" Ada  KING "), Is.EqualTo("Ada  KING"));

    [Test]
    public void MaxLength_is_one_hundred() => Assert.That(DisplayName.MaxLength, Is.EqualTo(100));
}
