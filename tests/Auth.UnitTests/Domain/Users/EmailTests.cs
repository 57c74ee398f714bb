using Auth.Domain.Users;

namespace Auth.UnitTests.Domain.Users;

public class EmailTests
{
    [Test]
    public void Clean_trims_but_keeps_the_case_the_user_typed() =>
        Assert.That(Email.Clean("  Ada.Lovelace@Example.COM \t"), Is.EqualTo("Ada.Lovelace@Example.COM"));

    [Test]
    public void Normalize_trims_and_lower_cases() =>
        Assert.That(Email.Normalize("  Ada.Lovelace@Example.COM \t"), Is.EqualTo("ada.lovelace@example.com"));

    [TestCase("ada@example.com", "ADA@EXAMPLE.COM")]
    [TestCase("Ada@Example.com", " ada@example.com ")]
    [TestCase("a@x.io", "A@X.IO")]
    public void Addresses_differing_only_in_case_and_surrounding_space_share_one_key(string first, string second) =>
        Assert.That(Email.Normalize(first), Is.EqualTo(Email.Normalize(second)));

    [Test]
    public void Different_addresses_keep_different_keys() =>
        Assert.That(Email.Normalize("ada@example.com"), Is.Not.EqualTo(Email.Normalize("ada@example.org")));

    [TestCase("ada@example.com")]
    [TestCase("a@b.c")]
    [TestCase("  ada@example.com  ")]
    [TestCase("first.last+tag@sub.example.co.uk")]
    public void IsWellFormed_accepts_plain_addresses(string email) =>
        Assert.That(Email.IsWellFormed(email), Is.True);

    [TestCase("", TestName = "IsWellFormed_rejects_empty")]
    [TestCase("   ", TestName = "IsWellFormed_rejects_whitespace_only")]
    [TestCase("ada.example.com", TestName = "IsWellFormed_rejects_no_at")]
    [TestCase("@example.com", TestName = "IsWellFormed_rejects_empty_local_part")]
    [TestCase("ada@", TestName = "IsWellFormed_rejects_empty_domain")]
    [TestCase("ada@@example.com", TestName = "IsWellFormed_rejects_double_at")]
    [TestCase("ada@home@example.com", TestName = "IsWellFormed_rejects_two_ats")]
    [TestCase("ada@localhost", TestName = "IsWellFormed_rejects_domain_without_dot")]
    [TestCase("ada@.example", TestName = "IsWellFormed_rejects_domain_starting_with_dot")]
    [TestCase("ada@example.", TestName = "IsWellFormed_rejects_domain_ending_with_dot")]
    [TestCase("ada lovelace@example.com", TestName = "IsWellFormed_rejects_inner_space")]
    [TestCase("ada@exa\tmple.com", TestName = "IsWellFormed_rejects_tab")]
    [TestCase("ada@example.com\u0001x", TestName = "IsWellFormed_rejects_control_character")]
    public void IsWellFormed_rejects(string email) =>
        Assert.That(Email.IsWellFormed(email), Is.False);

    [Test]
    public void MaxLength_is_the_RFC_5321_limit() => Assert.That(Email.MaxLength, Is.EqualTo(254));
}
