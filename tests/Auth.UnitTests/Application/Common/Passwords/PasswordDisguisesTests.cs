using Auth.Application.Common.Passwords;

namespace Auth.UnitTests.Application.Common.Passwords;

public class PasswordDisguisesTests
{
    [TestCase("PASSWORD", "password")]
    [TestCase("Password123", "password")]
    [TestCase("123password", "password")]
    [TestCase("!!password!!", "password")]
    [TestCase("p@ssw0rd", "password")]
    [TestCase("P4$$w0rd", "password")]
    [TestCase("P@ssw0rd2024!", "password")]
    [TestCase("dr4g0n", "dragon")]
    [TestCase("l3tm3in", "letmein")]
    [TestCase("f00tb@ll", "football")]
    [TestCase("  monkey  ", "monkey")]
    public void A_disguised_common_password_yields_the_common_one_as_a_candidate(string password, string common)
    {
        Assert.That(PasswordDisguises.Candidates(password), Does.Contain(common));
    }

    [Test]
    public void The_password_itself_lower_cased_is_always_the_first_candidate()
    {
        Assert.That(PasswordDisguises.Candidates("Correct Horse").First(), Is.EqualTo("correct horse"));
    }

    [TestCase("abc12345")]
    [TestCase("1xyz!!!!")]
    public void A_core_shorter_than_four_letters_is_not_judged_by_itself(string password)
    {
        Assert.That(PasswordDisguises.Candidates(password).Skip(1).Where(c => c.Length < PasswordDisguises.MinCoreLength), Is.Empty);
    }

    [TestCase("2024correct horse!!", "correct horse")]
    [TestCase("12345678", "")]
    [TestCase("pass 1 word", "pass 1 word")]
    public void Trimming_removes_only_leading_and_trailing_runs_of_non_letters(string value, string expected)
    {
        Assert.That(PasswordDisguises.TrimEdges(value), Is.EqualTo(expected));
    }
}
