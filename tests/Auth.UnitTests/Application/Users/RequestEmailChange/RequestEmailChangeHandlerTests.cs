using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Users.RequestEmailChange;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Users.RequestEmailChange;

public class RequestEmailChangeHandlerTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private Ports ports = null!;
    private RequestEmailChangeHandler handler = null!;
    private User user = null!;
    private Session session = null!;
    private List<DateTimeOffset> issuedThisHour = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        user = ports.AddUser("ada@example.com");
        session = ports.AddSession(user);
        ports.PasswordCheckIs("stored-hash", "the password", PasswordVerification.Succeeded);
        ports.PasswordCheckIs("stored-hash", "not it", PasswordVerification.Failed);
        ports.Policy.Setup(p => p.EmailChangeLifetime).Returns(Lifetime);
        ports.Policy.Setup(p => p.EmailChangesPerHour).Returns(3);
        issuedThisHour = [];
        ports.AccountTokenRepository.Setup(t => t.ListIssuedSinceAsync(user.Id, AccountTokenPurpose.EmailChangeCancel, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => issuedThisHour);
        handler = ports.Handler<RequestEmailChangeHandler>();
    }

    [Test]
    public async Task A_free_address_gets_a_confirmation_link_for_itself_and_the_current_one_a_notice_with_a_cancel_link()
    {
        var result = await handler.Handle(Command("Ada@NewJob.example"), CancellationToken.None);

        var confirm = ports.AddedAccountTokens.Single(t => t.Purpose == AccountTokenPurpose.EmailChange);
        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(user.Email, Is.EqualTo("ada@example.com"), "nothing changes before the confirmation");
            Assert.That(confirm.Email, Is.EqualTo("Ada@NewJob.example"), "the link can only switch to the address it is mailed to");
            Assert.That(confirm.ExpiresAt, Is.EqualTo(ports.Now + Lifetime));
            Assert.That(ports.AddedAccountTokens.Count(t => t.Purpose == AccountTokenPurpose.EmailChangeCancel), Is.EqualTo(1));
            Assert.That(ports.CommittedOf<EmailChangeConfirmationRequested>().Single().Email, Is.EqualTo("Ada@NewJob.example"));
            var notice = ports.CommittedOf<EmailChangeRequested>().Single();
            Assert.That((notice.Email, notice.NewEmail), Is.EqualTo(("ada@example.com", "Ada@NewJob.example")));
            Assert.That(ports.CommittedOf<EmailChangeToTakenAddressAttempted>(), Is.Empty);
        });
    }

    [Test]
    public async Task A_taken_address_is_warned_and_gets_no_link_while_the_owner_gets_the_same_notice()
    {
        ports.Users.Setup(u => u.EmailExistsAsync("taken@example.com", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await handler.Handle(Command("Taken@example.com"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True, "the answer does not say the address is taken");
            Assert.That(ports.AddedAccountTokens.Any(t => t.Purpose == AccountTokenPurpose.EmailChange), Is.False);
            Assert.That(ports.CommittedOf<EmailChangeConfirmationRequested>(), Is.Empty);
            Assert.That(ports.CommittedOf<EmailChangeToTakenAddressAttempted>().Single().Email, Is.EqualTo("Taken@example.com"));
            Assert.That(ports.CommittedOf<EmailChangeRequested>(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_new_request_spends_the_links_of_the_pending_one()
    {
        await handler.Handle(Command("first@example.com"), CancellationToken.None);
        var first = ports.AddedAccountTokens.ToList();

        await handler.Handle(Command("second@example.com"), CancellationToken.None);

        Assert.That(first.Select(t => t.UsedAt), Is.All.EqualTo(ports.Now));
        Assert.That(ports.AddedAccountTokens.Except(first).Select(t => t.UsedAt), Is.All.Null);
    }

    [Test]
    public async Task At_the_cap_the_answer_is_429_until_the_oldest_request_is_an_hour_old_and_nothing_is_issued()
    {
        issuedThisHour.AddRange([ports.Now - TimeSpan.FromMinutes(50), ports.Now - TimeSpan.FromMinutes(20), ports.Now]);

        var result = await handler.Handle(Command("new@example.com"), CancellationToken.None);

        Assert.That(result.Error?.Code, Is.EqualTo("too_many_email_changes"));
        Assert.That(result.Error!.RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(10)));
        Assert.That(ports.AddedAccountTokens, Is.Empty);
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task A_wrong_password_is_refused_before_anything_is_looked_at()
    {
        var result = await handler.Handle(Command("new@example.com", "not it"), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.WrongPassword));
        ports.Users.Verify(u => u.EmailExistsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task The_current_address_in_another_form_is_refused_as_unchanged()
    {
        var result = await handler.Handle(Command(" ADA@example.com"), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.EmailUnchanged));
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task A_request_that_lost_its_commit_to_another_is_decided_again_against_it()
    {
        ports.SaveFailsAfter(0, AuthErrors.ConcurrentUpdate);

        var result = await handler.Handle(Command("new@example.com"), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        ports.UnitOfWork.Verify(u => u.Reset(), Times.Once());
        ports.VerifySaved(2);
    }

    [Test]
    public void Each_request_draws_a_new_stamp_so_two_at_once_cannot_both_commit()
    {
        var before = user.SecurityStamp;

        user.RequestEmailChange("new@example.com", "confirm", "cancel", Lifetime, ports.Now);

        Assert.That(user.SecurityStamp, Is.Not.EqualTo(before));
    }

    private RequestEmailChangeCommand Command(string newEmail, string password = "the password") =>
        new(user.Id, session.Id, newEmail, password, Ports.Client);
}
