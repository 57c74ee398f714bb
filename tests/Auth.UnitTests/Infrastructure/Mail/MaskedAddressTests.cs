using Auth.Infrastructure.Mail;

namespace Auth.UnitTests.Infrastructure.Mail;

public class MaskedAddressTests
{
    [TestCase("ada.lovelace@example.com", "a***@example.com")]
    [TestCase("a@example.com", "a***@example.com")]
    [TestCase("odd\"@\"name@example.com", "o***@example.com")]
    public void The_local_part_is_cut_to_its_first_character_and_the_domain_kept(string address, string masked) =>
        Assert.That(MaskedAddress.Of(address), Is.EqualTo(masked));

    [TestCase("")]
    [TestCase("no-at-sign")]
    [TestCase("@example.com")]
    public void Something_without_a_local_part_is_masked_entirely(string address) =>
        Assert.That(MaskedAddress.Of(address), Is.EqualTo("***"));
}
