using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Passwords;
using Moq;

namespace Auth.UnitTests.Application.Common.Passwords;

public class PasswordPolicyTests
{
    private const string Email = "ada@example.com";
    private const string Name = "Ada Lovelace";

    private Mock<IPasswordBlocklist> blocklist = null!;
    private Mock<IBreachedPasswords> breaches = null!;
    private Mock<IPasswordPolicySettings> settings = null!;

    [SetUp]
    public void SetUp()
    {
        blocklist = new Mock<IPasswordBlocklist>();
        breaches = new Mock<IBreachedPasswords>();
        settings = new Mock<IPasswordPolicySettings>();
        blocklist.Setup(b => b.Contains(It.IsAny<string>())).Returns((string p) => p is "password" or "dragon");
        settings.Setup(s => s.BlocklistEnabled).Returns(true);
    }

    [TestCase("Password", "too_common")]
    [TestCase("dr@g0n2024", "too_common")]
    [TestCase("adalovelace", "contains_personal_info")]
    [TestCase("xxxxxxxxxx", "repetitive")]
    [TestCase("asdfghjkl", "repetitive")]
    public async Task Each_kind_of_weak_password_gets_its_reason(string password, string reason)
    {
        var error = await Policy().CheckAsync(password, Email, Name, CancellationToken.None);

        Assert.That(error?.Reasons, Is.EqualTo(new[] { reason }));
    }

    [Test]
    public async Task Every_reason_that_applies_is_named_in_order_with_one_sentence()
    {
        blocklist.Setup(b => b.Contains("adaada")).Returns(true);

        var error = await Policy().CheckAsync("adaada", Email, Name, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(AuthErrors.WeakPasswordCode));
            Assert.That(error.Reasons, Is.EqualTo(new[] { "too_common", "contains_personal_info", "repetitive" }));
            Assert.That(error.Message, Does.StartWith("This password is easy to guess: it is one of the most commonly used passwords"));
            Assert.That(error.Message, Does.Contain("made from your email address or name").And.Contain("keyboard or number sequence"));
        });
    }

    [Test]
    public async Task A_good_passphrase_passes()
    {
        Assert.That(await Policy().CheckAsync("correct horse battery staple", Email, Name, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task With_the_blocklist_disabled_no_offline_check_refuses()
    {
        settings.Setup(s => s.BlocklistEnabled).Returns(false);

        Assert.That(await Policy().CheckAsync("password", Email, Name, CancellationToken.None), Is.Null);
        blocklist.Verify(b => b.Contains(It.IsAny<string>()), Times.Never());
    }

    [Test]
    public async Task The_breach_corpus_is_not_asked_unless_enabled()
    {
        await Policy().CheckAsync("correct horse battery staple", Email, Name, CancellationToken.None);

        breaches.Verify(b => b.CheckAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Test]
    public async Task A_breached_password_is_refused_when_the_check_is_enabled()
    {
        settings.Setup(s => s.BreachCheckEnabled).Returns(true);
        breaches.Setup(b => b.CheckAsync("correct horse battery staple", It.IsAny<CancellationToken>())).ReturnsAsync(BreachCheck.Breached);

        var error = await Policy().CheckAsync("correct horse battery staple", Email, Name, CancellationToken.None);

        Assert.That(error?.Reasons, Is.EqualTo(new[] { "breached" }));
    }

    [TestCase(false, null)]
    [TestCase(true, "breached")]
    public async Task An_unreachable_corpus_refuses_only_when_failing_closed(bool failClosed, string? reason)
    {
        settings.Setup(s => s.BreachCheckEnabled).Returns(true);
        settings.Setup(s => s.BreachCheckFailClosed).Returns(failClosed);
        breaches.Setup(b => b.CheckAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(BreachCheck.Unavailable);

        var error = await Policy().CheckAsync("correct horse battery staple", Email, Name, CancellationToken.None);

        Assert.That(error?.Reasons?.SingleOrDefault(), Is.EqualTo(reason));
    }

    private PasswordPolicy Policy() => new(blocklist.Object, breaches.Object, settings.Object);
}
