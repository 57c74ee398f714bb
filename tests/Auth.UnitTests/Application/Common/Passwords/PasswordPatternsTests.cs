using Auth.Application.Common.Passwords;

namespace Auth.UnitTests.Application.Common.Passwords;

public class PasswordPatternsTests
{
    [TestCase("aaaaaaaa")]
    [TestCase("zzzzzzzzzz1")]
    [TestCase("AAAAaaaa")]
    [TestCase("aaaabbbb")]
    [TestCase("abcabcabc")]
    [TestCase("passpass")]
    [TestCase("Hello!Hello!")]
    public void A_run_of_one_character_or_a_repeated_unit_is_repetitive(string password)
    {
        Assert.That(PasswordPatterns.IsRepetitive(password), Is.True);
    }

    [TestCase("correct horse battery")]
    [TestCase("zzz my own long phrase")]
    [TestCase("abcabcabd")]
    public void An_ordinary_passphrase_is_not_repetitive(string password)
    {
        Assert.That(PasswordPatterns.IsRepetitive(password), Is.False);
    }

    [TestCase("qwertyuiop")]
    [TestCase("poiuytrewq")]
    [TestCase("asdfghjkl")]
    [TestCase("ZXCVBNM!")]
    [TestCase("12345678")]
    [TestCase("98765432")]
    [TestCase("34567890")]
    [TestCase("abcdefgh")]
    [TestCase("qwertz12345")]
    [TestCase("!@#$%^&*")]
    [TestCase("2024Asdfghjk")]
    public void A_keyboard_alphabet_or_number_sequence_is_a_sequence(string password)
    {
        Assert.That(PasswordPatterns.IsSequence(password), Is.True);
    }

    [TestCase("correct horse battery")]
    [TestCase("qwerty is my horse")]
    [TestCase("13579246")]
    [TestCase("abcdxyzw")]
    public void Words_and_broken_sequences_are_not_a_sequence(string password)
    {
        Assert.That(PasswordPatterns.IsSequence(password), Is.False);
    }
}
