using Auth.Application.Common.Passwords;

namespace Auth.UnitTests.Application.Common.Passwords;

public class PersonalInfoTests
{
    private const string Email = "ada.lovelace@example.com";
    private const string Name = "Ada Lovelace";

    [TestCase("ada.lovelace")]
    [TestCase("AdaLovelace")]
    [TestCase("LovelaceAda")]
    [TestCase("Lovelace.Ada1815")]
    [TestCase("lovelace!!")]
    [TestCase("adalovelace is great")]
    [TestCase("l0v3l@c3ada")]
    public void A_password_made_of_the_email_local_part_or_name_is_personal(string password)
    {
        Assert.That(PersonalInfo.IsMadeOf(password, Email, Name), Is.True);
    }

    [TestCase("correct horse battery")]
    [TestCase("lovely lace curtains")]
    [TestCase("ada likes horses")]
    public void A_password_that_only_shares_a_word_is_not_personal(string password)
    {
        Assert.That(PersonalInfo.IsMadeOf(password, Email, Name), Is.False);
    }

    [Test]
    public void The_email_alone_counts_when_the_name_says_nothing()
    {
        Assert.That(PersonalInfo.IsMadeOf("gracehopper1906", "gracehopper@example.com", "G"), Is.True);
    }

    [Test]
    public void Parts_shorter_than_three_letters_are_not_judged()
    {
        Assert.That(PersonalInfo.IsMadeOf("alalalalal", "al@example.com", "Al"), Is.False);
    }
}
