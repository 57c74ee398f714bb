using Auth.Application.Common.Errors;
using Auth.Application.Users.ConfirmEmailChange;
using Auth.Domain.Users;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Users.ConfirmEmailChange;

public class ConfirmEmailChangeHandlerTests
{
    private Ports ports = null!;
    private ConfirmEmailChangeHandler handler = null!;
    private User user = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        user = ports.AddUser("ada@example.com");
        handler = ports.Handler<ConfirmEmailChangeHandler>();
    }

    [Test]
    public async Task The_link_switches_to_the_address_it_was_mailed_to_confirmed_with_a_new_stamp_and_spends_every_other_link()
    {
        var reset = ports.IssueAccountToken(user, AccountTokenPurpose.PasswordReset);
        var cancel = ports.IssueAccountToken(user, AccountTokenPurpose.EmailChangeCancel);
        var token = ports.AccountTokens().IssueEmailChange(user.Id, "Ada@NewJob.example", ports.Now, TimeSpan.FromHours(24));
        var stamp = user.SecurityStamp;

        var result = await handler.Handle(new ConfirmEmailChangeCommand(token, Ports.Client), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That((user.Email, user.NormalizedEmail, user.EmailConfirmed), Is.EqualTo(("Ada@NewJob.example", "ada@newjob.example", true)));
            Assert.That(user.SecurityStamp, Is.Not.EqualTo(stamp), "a login checked against the old address must not commit");
            Assert.That(ports.AddedAccountTokens.Select(t => t.UsedAt), Is.All.EqualTo(ports.Now), $"reset {reset} and cancel {cancel} links die too");
            Assert.That(ports.CommittedOf<EmailChanged>().Single(), Is.EqualTo(new EmailChanged(user.Id, "ada@example.com", "Ada@NewJob.example", false, ports.Now)));
        });
    }

    [Test]
    public async Task A_disabled_account_keeps_its_address()
    {
        var token = ports.AccountTokens().IssueEmailChange(user.Id, "new@example.com", ports.Now, TimeSpan.FromHours(24));
        user.Disable(ports.Now);

        var result = await handler.Handle(new ConfirmEmailChangeCommand(token, Ports.Client), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidAccountToken));
        Assert.That(user.Email, Is.EqualTo("ada@example.com"));
    }

    [Test]
    public async Task A_cancel_link_does_not_confirm()
    {
        var cancel = ports.IssueAccountToken(user, AccountTokenPurpose.EmailChangeCancel);

        var result = await handler.Handle(new ConfirmEmailChangeCommand(cancel, Ports.Client), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidAccountToken));
    }

    [Test]
    public async Task A_taken_address_answers_email_taken_from_the_commit()
    {
        var token = ports.AccountTokens().IssueEmailChange(user.Id, "new@example.com", ports.Now, TimeSpan.FromHours(24));
        ports.SaveFailsWith(AuthErrors.EmailTaken);

        var result = await handler.Handle(new ConfirmEmailChangeCommand(token, Ports.Client), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.EmailTaken));
    }

    [Test]
    public async Task A_lost_commit_is_decided_again_and_answers_as_the_link_is_then()
    {
        var token = ports.AccountTokens().IssueEmailChange(user.Id, "new@example.com", ports.Now, TimeSpan.FromHours(24));
        ports.SaveFailsWith(AuthErrors.ConcurrentUpdate);

        var result = await handler.Handle(new ConfirmEmailChangeCommand(token, Ports.Client), CancellationToken.None);

        // The mock keeps the token marked used across the retry, as a racing confirm that won would have left it.
        Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidAccountToken));
        ports.UnitOfWork.Verify(u => u.Reset(), Times.Once());
    }
}
