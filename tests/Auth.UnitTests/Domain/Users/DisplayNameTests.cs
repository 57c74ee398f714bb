using Auth.Domain.Users;

namespace Auth.UnitTests.Domain.Users;

public class DisplayNameTests
{
    [TestCase("Ada Lovelace", "Ada Lovelace")]
    [TestCase("  Ada Lovelace \t\n", "Ada Lovelace")]
    public void Clean_trims_surrounding_whitespace_only(string name, string expected) =>
        Assert.That(DisplayName.Clean(name), Is.EqualTo(expected));

    [Test]
    public void Clean_keeps_inner_whitespace_and_case() =>
        Assert.That(DisplayName.Clean(" Ada  KING "), Is.EqualTo("Ada  KING"));

    [Test]
    public void MaxLength_is_one_hundred() => Assert.That(DisplayName.MaxLength, Is.EqualTo(100));

    [TestCase("   ", "Name is required.")]
    [TestCase("Ada\u0000Lovelace", "Name must not contain control, invisible or text-direction characters.")]
    [TestCase("Ada\u001bLovelace", "Name must not contain control, invisible or text-direction characters.")]
    public void A_name_breaking_a_rule_is_refused_by_the_domain_itself(string name, string problem)
    {
        Assert.That(DisplayName.ProblemWith(name), Is.EqualTo(problem));
        Assert.That(() => User.Register("ada@example.com", name, "hash", DateTimeOffset.UnixEpoch), Throws.ArgumentException.With.Message.StartsWith(problem));
    }

    [Test]
    public void A_hundred_characters_pass_and_a_hundred_and_one_are_refused()
    {
        Assert.That(DisplayName.Clean(new string('a', 100)), Has.Length.EqualTo(100));
        Assert.That(() => DisplayName.Clean(new string('a', 101)), Throws.ArgumentException);
    }

    [Test]
    public void Renaming_to_a_name_breaking_a_rule_leaves_the_name_as_it_was()
    {
        var user = User.Register("ada@example.com", "Ada", "hash", DateTimeOffset.UnixEpoch);

        Assert.That(() => user.Rename(" \t ", DateTimeOffset.UnixEpoch), Throws.ArgumentException);
        Assert.That(user.Name, Is.EqualTo("Ada"));
    }
}
