using Auth.Application.Common.Passwords;
using Auth.Infrastructure.Security.Passwords;

namespace Auth.UnitTests.Infrastructure.Security.Passwords;

public class EmbeddedPasswordBlocklistTests
{
    private static readonly EmbeddedPasswordBlocklist Blocklist = new();

    [Test]
    public void The_embedded_list_holds_the_packages_49_thousand_entries()
    {
        Assert.That(Blocklist.Count, Is.EqualTo(49_233), "the count recorded in Blocklist/SOURCE.md");
    }

    [TestCase("password")]
    [TestCase("qwertyuiop")]
    [TestCase("password1")]
    [TestCase("p@ssw0rd")]
    [TestCase("iloveyou")]
    public void Well_known_common_passwords_are_on_it(string password)
    {
        Assert.That(Blocklist.Contains(password), Is.True);
    }

    [TestCase("correct horse battery staple")]
    [TestCase("Password")]
    public void A_passphrase_is_not_and_lookups_are_exact(string password)
    {
        Assert.That(Blocklist.Contains(password), Is.False);
    }

    [TestCase("Password1!")]
    [TestCase("P@SSW0RD")]
    [TestCase("1234Monkey!!")]
    [TestCase("Dr4g0n")]
    public void Disguises_of_listed_passwords_are_caught_against_the_real_list(string password)
    {
        Assert.That(PasswordPolicy.OfflineReasons(password, "someone@example.com", "Someone", Blocklist), Does.Contain(PasswordWeakness.TooCommon));
    }
}
