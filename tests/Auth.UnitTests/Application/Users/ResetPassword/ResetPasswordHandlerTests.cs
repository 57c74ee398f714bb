using Auth.Application.Common.Errors;
using Auth.Application.Users.ResetPassword;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Users.ResetPassword;

public class ResetPasswordHandlerTests
{
    private Ports ports = null!;
    private ResetPasswordHandler handler = null!;
    private User user = null!;
    private Session laptop = null!;
    private Session phone = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        user = ports.AddUser();
        laptop = ports.AddSession(user);
        phone = ports.AddSession(user);
        ports.ActiveSessionsAre(user, laptop, phone);
        ports.PasswordHasher.Setup(p => p.HashAsync("new password", It.IsAny<CancellationToken>())).ReturnsAsync("new-hash");

        // Someone has been guessing: the account is locked out.
        for (var i = 0; i < Ports.MaxFailures; i++)
        {
            ports.Throttles.CountFailureAsync(user.NormalizedEmail, ports.Now, Ports.MaxFailures, Ports.LockoutDuration, CancellationToken.None);
        }

        handler = ports.Handler<ResetPasswordHandler>();
    }

    [Test]
    public async Task A_valid_token_replaces_the_hash_and_ends_every_session()
    {
        var token = ports.IssueAccountToken(user, AccountTokenPurpose.PasswordReset);
        ports.Time.Advance(TimeSpan.FromMinutes(10));

        var result = await handler.Handle(Command(token), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(user.PasswordHash, Is.EqualTo("new-hash"));
            Assert.That(user.UpdatedAt, Is.EqualTo(ports.Now));
            Assert.That(ports.AddedAccountTokens.Single().UsedAt, Is.EqualTo(ports.Now));
            Assert.That(laptop.EndReason, Is.EqualTo(SessionEndReason.PasswordReset));
            Assert.That(phone.EndReason, Is.EqualTo(SessionEndReason.PasswordReset));
            Assert.That(ports.Ended, Is.EquivalentTo(new[] { laptop.Id, phone.Id }));
            Assert.That(ports.Ended, Is.EquivalentTo(new[] { laptop.Id, phone.Id }));
            Assert.That(ports.Recorded, Is.EqualTo(new[] { new PasswordReset(user.Id, ports.Now) }));
        });
        // Listed once, inside the commit with the account's row held, so no login can slip in between.
        ports.Users.Verify(u => u.HoldAsync(user.Id, It.IsAny<CancellationToken>()), Times.Once());
        ports.Sessions.Verify(s => s.ListActiveAsync(user.Id, ports.Now, It.IsAny<CancellationToken>()), Times.Once());
    }

    [Test]
    public async Task Older_reset_tokens_die_but_a_confirmation_token_lives_on()
    {
        var older = ports.IssueAccountToken(user, AccountTokenPurpose.PasswordReset);
        var confirmation = ports.IssueAccountToken(user, AccountTokenPurpose.EmailConfirmation);
        ports.Time.Advance(TimeSpan.FromMinutes(5));
        var newest = ports.IssueAccountToken(user, AccountTokenPurpose.PasswordReset);
        ports.Time.Advance(TimeSpan.FromMinutes(1));

        await handler.Handle(Command(newest), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(Stored(older).UsedAt, Is.EqualTo(ports.Now));
            Assert.That(Stored(newest).UsedAt, Is.EqualTo(ports.Now));
            Assert.That(Stored(confirmation).UsedAt, Is.Null);
        });
        ports.AccountTokenRepository.Verify(
            r => r.ListUsableAsync(user.Id, AccountTokenPurpose.PasswordReset, ports.Now, It.IsAny<CancellationToken>()), Times.Once());
    }

    [Test]
    public async Task The_login_lockout_is_cleared_after_the_commit()
    {
        var token = ports.IssueAccountToken(user, AccountTokenPurpose.PasswordReset);

        await handler.Handle(Command(token), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(ports.Throttles.FailuresOf(user.NormalizedEmail), Is.Zero);
            Assert.That(ports.Throttles.LockedUntilOf(user.NormalizedEmail), Is.Null);
        });
        ports.VerifySavedOnce(); // the counter is not in the unit of work
    }

    [Test]
    public async Task An_expired_token_is_an_invalid_token()
    {
        var token = ports.IssueAccountToken(user, AccountTokenPurpose.PasswordReset);
        ports.Time.Advance(Ports.ResetLifetime);

        await AssertRefused(token);
    }

    [Test]
    public async Task A_used_token_is_an_invalid_token()
    {
        var token = ports.IssueAccountToken(user, AccountTokenPurpose.PasswordReset);
        ports.AddedAccountTokens.Single().Use(ports.Now);

        await AssertRefused(token);
    }

    [Test]
    public async Task A_confirmation_token_cannot_reset_a_password()
    {
        var token = ports.IssueAccountToken(user, AccountTokenPurpose.EmailConfirmation);

        await AssertRefused(token);
        Assert.That(ports.AddedAccountTokens.Single().UsedAt, Is.Null);
    }

    [Test]
    public async Task An_unknown_token_is_an_invalid_token() => await AssertRefused("never-issued");

    [Test]
    public async Task Losing_the_race_to_a_concurrent_use_is_an_invalid_token_and_publishes_nothing()
    {
        var token = ports.IssueAccountToken(user, AccountTokenPurpose.PasswordReset);
        ports.SaveFailsWith(AuthErrors.ConcurrentUpdate);

        var result = await handler.Handle(Command(token), CancellationToken.None);

        AssertFailedCommit(result.Error, AuthErrors.InvalidAccountToken);
    }

    [Test]
    public async Task Another_commit_failure_is_passed_through_and_publishes_nothing()
    {
        var token = ports.IssueAccountToken(user, AccountTokenPurpose.PasswordReset);
        var down = new Error("db_down", ErrorKind.Unavailable, "down");
        ports.SaveFailsWith(down);

        var result = await handler.Handle(Command(token), CancellationToken.None);

        AssertFailedCommit(result.Error, down);
    }

    private void AssertFailedCommit(Error? error, Error expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(error, Is.EqualTo(expected));
            Assert.That(ports.Ended, Is.Empty, "the sessions live on when the commit failed");
            Assert.That(ports.Throttles.FailuresOf(user.NormalizedEmail), Is.EqualTo(Ports.MaxFailures), "the lockout stays");
            Assert.That(ports.Committed, Is.Empty);
        });
        ports.VerifySavedOnce();
    }

    private async Task AssertRefused(string token)
    {
        var result = await handler.Handle(Command(token), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidAccountToken));
            Assert.That(user.PasswordHash, Is.EqualTo("stored-hash"));
            Assert.That(laptop.EndedAt, Is.Null);
            Assert.That(ports.Ended, Is.Empty);
            Assert.That(ports.Throttles.FailuresOf(user.NormalizedEmail), Is.EqualTo(Ports.MaxFailures));
            Assert.That(ports.Committed, Is.Empty);
        });
        ports.PasswordHasher.Verify(p => p.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
        ports.VerifyNeverSaved();
    }

    private AccountToken Stored(string value) => ports.AddedAccountTokens.Single(t => t.Hash == $"hash:{value}");

    [Test]
    public async Task A_repetitive_password_is_refused_and_the_link_stays_usable()
    {
        var token = ports.IssueAccountToken(user, AccountTokenPurpose.PasswordReset);

        var result = await handler.Handle(Command(token) with { NewPassword = "zzzzzzzzzz" }, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo(AuthErrors.WeakPasswordCode));
            Assert.That(result.Error.Reasons, Is.EqualTo(new[] { "repetitive" }));
            Assert.That(user.PasswordHash, Is.EqualTo("stored-hash"));
            Assert.That(laptop.EndReason, Is.Null);
        });
        ports.VerifyNeverSaved();
    }

    private static ResetPasswordCommand Command(string token) => new(token, "new password", Ports.Client);
}
