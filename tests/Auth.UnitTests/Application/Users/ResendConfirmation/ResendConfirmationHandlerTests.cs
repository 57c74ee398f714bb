using Auth.Application.Common.Errors;
using Auth.Application.Users.ResendConfirmation;
using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Users.ResendConfirmation;

public class ResendConfirmationHandlerTests
{
    private Ports ports = null!;
    private ResendConfirmationHandler handler = null!;
    private User user = null!;
    private readonly Guid sessionId = Guid.NewGuid();

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        user = ports.AddUser();
        ports.Time.Advance(TimeSpan.FromHours(1));
        handler = ports.Handler<ResendConfirmationHandler>();
    }

    [Test]
    public async Task An_unconfirmed_account_gets_a_fresh_confirmation_token_by_mail_after_the_commit()
    {
        var result = await handler.Handle(Command(user.Id), CancellationToken.None);

        var stored = ports.AddedAccountTokens.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(stored.UserId, Is.EqualTo(user.Id));
            Assert.That(stored.Purpose, Is.EqualTo(AccountTokenPurpose.EmailConfirmation));
            Assert.That(stored.ExpiresAt, Is.EqualTo(ports.Now + Ports.ConfirmationLifetime));
            Assert.That(ports.Mails, Is.EqualTo(new[] { ("confirm", user.Email, "refresh-1") }));
            Assert.That(stored.Hash, Is.EqualTo("hash:refresh-1"), "the mailed value is the one whose hash was stored");
            Assert.That(ports.Recorded, Is.EqualTo(new[] { new EmailConfirmationRequested(user.Id, user.Email, "refresh-1", Ports.ConfirmationLifetime, Resent: true, ports.Now) }));
        });
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task A_confirmed_account_gets_nothing_and_nothing_is_saved()
    {
        user.ConfirmEmail(ports.Now);

        var result = await handler.Handle(Command(user.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(ports.AddedAccountTokens, Is.Empty);
            Assert.That(ports.Mails, Is.Empty);
            Assert.That(ports.Committed, Is.Empty);
        });
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task An_unknown_user_makes_the_access_token_invalid()
    {
        var result = await handler.Handle(Command(Guid.NewGuid()), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidToken));
            Assert.That(ports.Mails, Is.Empty);
        });
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task A_failed_commit_mails_nothing_since_the_token_would_not_exist()
    {
        ports.SaveFailsWith(new Error("db_down", ErrorKind.Unavailable, "down"));

        var result = await handler.Handle(Command(user.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("db_down"));
            Assert.That(ports.Mails, Is.Empty);
            Assert.That(ports.Committed, Is.Empty);
        });
    }

    [Test]
    public async Task Past_the_hourly_cap_a_resend_is_refused_until_the_oldest_mail_leaves_the_hour()
    {
        var first = ports.Now;
        for (var i = 0; i < 4; i++)
        {
            Assert.That((await handler.Handle(Command(user.Id), CancellationToken.None)).IsSuccess, Is.True);
            ports.Time.Advance(TimeSpan.FromMinutes(5));
        }

        var refused = await handler.Handle(Command(user.Id), CancellationToken.None);
        ports.Time.SetUtcNow(first + TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var later = await handler.Handle(Command(user.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(refused.Error!.Code, Is.EqualTo("confirmation_mail_limit"));
            Assert.That(refused.Error.Kind, Is.EqualTo(ErrorKind.TooMany));
            Assert.That(refused.Error.RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(40)), "the first mail leaves the hour 40 minutes after the refusal");
            Assert.That(later.IsSuccess, Is.True);
            Assert.That(ports.Mails, Has.Count.EqualTo(5));
        });
    }

    private ResendConfirmationCommand Command(Guid userId) => new(userId, sessionId, Ports.Client);
}
