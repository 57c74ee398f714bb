using Auth.Application.Common.Errors;
using Auth.Application.Users.ForgotPassword;
using Auth.Domain.Users;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Users.ForgotPassword;

public class PasswordResetIssuerTests
{
    private Ports ports = null!;
    private PasswordResetIssuer handler = null!;
    private User user = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        user = ports.AddUser("Ada@Example.com");
        ports.Time.Advance(TimeSpan.FromHours(5));
        handler = new PasswordResetIssuer(
            ports.Users.Object, ports.AccountTokenRepository.Object, ports.AccountTokens(),
            ports.Policy.Object, ports.UnitOfWork.Object, ports.Origin, ports.Time);
    }

    [Test]
    public async Task An_existing_account_gets_a_reset_token_by_mail()
    {
        var result = await handler.IssueAsync(Command("ada@example.com"), CancellationToken.None);

        var stored = ports.AddedAccountTokens.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(stored.UserId, Is.EqualTo(user.Id));
            Assert.That(stored.Purpose, Is.EqualTo(AccountTokenPurpose.PasswordReset));
            Assert.That(stored.ExpiresAt, Is.EqualTo(ports.Now + Ports.ResetLifetime));
            Assert.That(stored.Hash, Is.EqualTo("hash:refresh-1"));
            Assert.That(ports.Mails, Is.EqualTo(new[] { ("reset", "Ada@Example.com", "refresh-1") }));
            Assert.That(ports.Recorded, Is.EqualTo(new[] { new PasswordResetRequested(user.Id, user.Email, "refresh-1", Ports.ResetLifetime, ports.Now) }));
            Assert.That(ports.Origin.Client, Is.EqualTo(Ports.Client), "the background work's events belong to the client that asked");
        });
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task The_email_is_looked_up_by_its_normalized_key()
    {
        await handler.IssueAsync(Command("  ADA@example.COM "), CancellationToken.None);

        Assert.That(ports.Mails, Has.Count.EqualTo(1));
        ports.Users.Verify(u => u.FindByEmailAsync("ada@example.com", It.IsAny<CancellationToken>()), Times.Once());
    }

    [Test]
    public async Task An_unknown_email_succeeds_alike_but_sends_and_stores_nothing()
    {
        var result = await handler.IssueAsync(Command("nobody@example.com"), CancellationToken.None);

        AssertNothingSent(result.IsSuccess);
    }

    [Test]
    public async Task A_disabled_account_succeeds_alike_but_gets_no_mail()
    {
        user.Disable(ports.Now);

        var result = await handler.IssueAsync(Command("ada@example.com"), CancellationToken.None);

        AssertNothingSent(result.IsSuccess);
    }

    [Test]
    public async Task Over_the_hourly_limit_the_request_succeeds_but_sends_nothing()
    {
        ResetsIssuedInTheLastHourAre(3);

        var result = await handler.IssueAsync(Command("ada@example.com"), CancellationToken.None);

        AssertNothingSent(result.IsSuccess);
        ports.AccountTokenRepository.Verify(
            r => r.CountIssuedSinceAsync(user.Id, AccountTokenPurpose.PasswordReset, ports.Now - TimeSpan.FromHours(1), It.IsAny<CancellationToken>()),
            Times.Once());
    }

    [Test]
    public async Task Just_under_the_hourly_limit_a_mail_still_goes_out()
    {
        ResetsIssuedInTheLastHourAre(2);

        await handler.IssueAsync(Command("ada@example.com"), CancellationToken.None);

        Assert.That(ports.Mails, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_failed_commit_mails_nothing()
    {
        ports.SaveFailsWith(new Error("db_down", ErrorKind.Unavailable, "down"));

        var result = await handler.IssueAsync(Command("ada@example.com"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("db_down"));
            Assert.That(ports.Mails, Is.Empty);
            Assert.That(ports.Committed, Is.Empty);
        });
    }

    private void ResetsIssuedInTheLastHourAre(int count) =>
        ports.AccountTokenRepository
            .Setup(r => r.CountIssuedSinceAsync(user.Id, AccountTokenPurpose.PasswordReset, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(count);

    private void AssertNothingSent(bool succeeded)
    {
        Assert.Multiple(() =>
        {
            Assert.That(succeeded, Is.True);
            Assert.That(ports.AddedAccountTokens, Is.Empty);
            Assert.That(ports.Mails, Is.Empty);
            Assert.That(ports.Committed, Is.Empty);
        });
        ports.VerifyNeverSaved();
    }

    private static ForgotPasswordCommand Command(string email) => new(email, Ports.Client);
}
