using Auth.Application.Abstractions;
using Auth.Domain.Users;
using Auth.Infrastructure.Mail;
using Microsoft.Extensions.Options;

namespace Auth.UnitTests.Infrastructure.Mail;

public class EmailChangeMailsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly Guid UserId = Guid.NewGuid();

    private readonly AccountMails mails = new(Options.Create(new EmailOptions { LinkBaseUrl = "https://app.example.com/" }), Moq.Mock.Of<IExternalProviders>());

    private static IEnumerable<TestCaseData> Rendered()
    {
        var mails = new AccountMails(Options.Create(new EmailOptions { LinkBaseUrl = "https://app.example.com/" }), Moq.Mock.Of<IExternalProviders>());
        yield return new TestCaseData(mails.EmailChangeConfirmation(new EmailChangeConfirmationRequested(UserId, "new@example.com", "t&k", TimeSpan.FromHours(24), At))).SetName("confirmation");
        yield return new TestCaseData(mails.EmailChangeNotice(new EmailChangeRequested(UserId, "old@example.com", "new@example.com", "t&k", TimeSpan.FromHours(24), At))).SetName("notice");
        yield return new TestCaseData(AccountMails.EmailChangedNotice(new EmailChanged(UserId, "old@example.com", "new@example.com", false, At))).SetName("changed");
        yield return new TestCaseData(AccountMails.EmailInUse(new EmailChangeToTakenAddressAttempted(UserId, "taken@example.com", At))).SetName("in use");
    }

    [TestCaseSource(nameof(Rendered))]
    public void Every_placeholder_is_filled_in_both_parts(EmailMessage mail) =>
        Assert.Multiple(() =>
        {
            Assert.That(mail.TextBody, Does.Not.Contain("{{"));
            Assert.That(mail.HtmlBody, Does.Not.Contain("{{"));
            Assert.That(mail.Subject, Is.Not.Empty);
        });

    [Test]
    public void The_confirmation_links_to_the_confirm_page_with_the_token_escaped_and_says_how_long_it_works()
    {
        var mail = mails.EmailChangeConfirmation(new EmailChangeConfirmationRequested(UserId, "new@example.com", "t&k", TimeSpan.FromHours(24), At));

        Assert.That(mail.To, Is.EqualTo("new@example.com"));
        Assert.That(mail.TextBody, Does.Contain("https://app.example.com/confirm-email-change?token=t%26k").And.Contain("24 hours"));
    }

    [Test]
    public void The_notice_names_the_new_address_and_links_to_the_cancel_page()
    {
        var mail = mails.EmailChangeNotice(new EmailChangeRequested(UserId, "old@example.com", "new@example.com", "tok", TimeSpan.FromHours(24), At));

        Assert.That(mail.To, Is.EqualTo("old@example.com"));
        Assert.That(mail.TextBody, Does.Contain("new@example.com").And.Contain("https://app.example.com/cancel-email-change?token=tok").And.Contain("2026-12-02 09:30 UTC"));
    }

    [TestCase(false, "after the new address was confirmed")]
    [TestCase(true, "by an administrator")]
    public void The_changed_notice_goes_to_the_old_address_and_says_who_changed_it(bool byAdministrator, string how)
    {
        var mail = AccountMails.EmailChangedNotice(new EmailChanged(UserId, "old@example.com", "new@example.com", byAdministrator, At));

        Assert.That(mail.To, Is.EqualTo("old@example.com"));
        Assert.That(mail.TextBody, Does.Contain($"new@example.com {how}"));
    }
}
