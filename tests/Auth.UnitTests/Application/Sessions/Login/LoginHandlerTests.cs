using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Login;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Sessions.Login;

public class LoginHandlerTests
{
    private const string Password = "correct horse";

    private Ports ports = null!;
    private LoginHandler handler = null!;
    private User user = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        user = ports.AddUser("Ada@Example.com");
        ports.PasswordCheckIs("stored-hash", Password, PasswordVerification.Succeeded);
        ports.PasswordCheckIs("stored-hash", "wrong", PasswordVerification.Failed);
        ports.PasswordHasher.Setup(p => p.VerifyAsync(null, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(PasswordVerification.Failed);

        handler = ports.Handler<LoginHandler>();
    }

    [Test]
    public async Task The_right_password_starts_a_session_for_the_user()
    {
        var result = await handler.Handle(Command("ada@example.com", Password), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        var session = ports.AddedSessions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(session.UserId, Is.EqualTo(user.Id));
            Assert.That(session.CreatedAt, Is.EqualTo(ports.Now));
            Assert.That(result.Value.SessionId, Is.EqualTo(session.Id));
            Assert.That(ports.AddedRefreshTokens.Single().Hash, Is.EqualTo($"hash:{result.Value.RefreshToken}"));
            Assert.That(result.Value.User.Id, Is.EqualTo(user.Id));
            Assert.That(ports.AddedRefreshTokens.Single().SessionId, Is.EqualTo(session.Id));
            Assert.That(ports.Recorded, Is.EqualTo(new[]
            {
                new LoginSucceeded(user.Id, session.Id, ports.Now),
            }));
            Assert.That(user.PasswordHash, Is.EqualTo("stored-hash"));
        });
        ports.PasswordHasher.Verify(p => p.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
        ports.VerifySavedOnce(); // the counter is not in the unit of work
        Assert.That(ports.Throttles.Calls, Is.EqualTo(new[] { "count:ada@example.com", "forgive:ada@example.com" }));
    }

    [Test]
    public async Task A_password_now_refused_still_signs_in_but_asks_for_a_change_and_mails_once()
    {
        ports.PasswordCheckIs("stored-hash", "Password1", PasswordVerification.Succeeded);

        var first = await handler.Handle(Command("ada@example.com", "Password1"), CancellationToken.None);
        var second = await handler.Handle(Command("ada@example.com", "Password1"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first.Value.PasswordChangeRequired, Is.True);
            Assert.That(second.Value.PasswordChangeRequired, Is.True);
            // The second login is also a new device's, which gets its own alert.
            Assert.That(ports.Mails.Where(m => m.Kind == "change-password"), Is.EqualTo(new[] { ("change-password", user.Email, "") }), "one mail per password");
            Assert.That(user.WeakPasswordNoticeSentAt, Is.EqualTo(ports.Now));
        });
    }

    [Test]
    public async Task A_good_password_needs_no_change_and_sends_no_mail()
    {
        var result = await handler.Handle(Command("ada@example.com", Password), CancellationToken.None);

        Assert.That(result.Value.PasswordChangeRequired, Is.False);
        Assert.That(ports.Mails, Is.Empty);
    }

    [Test]
    public async Task A_wrong_password_is_never_judged()
    {
        await handler.Handle(Command("ada@example.com", "wrong"), CancellationToken.None);

        ports.Blocklist.Verify(b => b.Contains(It.IsAny<string>()), Times.Never());
    }

    [Test]
    public async Task A_refused_sign_in_of_a_disabled_account_is_never_judged()
    {
        ports.PasswordCheckIs("stored-hash", "Password1", PasswordVerification.Succeeded);
        user.Disable(ports.Now);

        var result = await handler.Handle(Command("ada@example.com", "Password1"), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.AccountDisabled));
        ports.Blocklist.Verify(b => b.Contains(It.IsAny<string>()), Times.Never());
        ports.Breaches.Verify(b => b.CheckAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Test]
    public async Task A_breach_check_that_cannot_answer_does_not_flag_a_login_even_when_fail_closed()
    {
        ports.PasswordSettings.Setup(s => s.BreachCheckEnabled).Returns(true);
        ports.PasswordSettings.Setup(s => s.BreachCheckFailClosed).Returns(true);
        ports.Breaches.Setup(b => b.CheckAsync(Password, It.IsAny<CancellationToken>())).ReturnsAsync(BreachCheck.Unavailable);

        var result = await handler.Handle(Command("ada@example.com", Password), CancellationToken.None);

        Assert.That(result.Value.PasswordChangeRequired, Is.False);
        Assert.That(ports.Mails, Is.Empty);
        ports.Breaches.Verify(b => b.CheckAsync(Password, It.IsAny<CancellationToken>()), Times.Once());
    }

    [Test]
    public async Task A_breached_password_is_flagged_at_login()
    {
        ports.PasswordSettings.Setup(s => s.BreachCheckEnabled).Returns(true);
        ports.Breaches.Setup(b => b.CheckAsync(Password, It.IsAny<CancellationToken>())).ReturnsAsync(BreachCheck.Breached);

        var result = await handler.Handle(Command("ada@example.com", Password), CancellationToken.None);

        Assert.That(result.Value.PasswordChangeRequired, Is.True);
        Assert.That(ports.Mails, Is.EqualTo(new[] { ("change-password", user.Email, "") }));
    }

    [Test]
    public async Task The_email_is_looked_up_by_its_normalized_key()
    {
        await handler.Handle(Command("  ADA@example.COM ", Password), CancellationToken.None);

        ports.Users.Verify(u => u.FindByEmailAsync("ada@example.com", It.IsAny<CancellationToken>()), Times.Once());
        Assert.That(ports.Throttles.Calls[0], Is.EqualTo("count:ada@example.com"));
    }

    [Test]
    public async Task An_unknown_email_still_verifies_a_password_and_answers_invalid_credentials()
    {
        var result = await handler.Handle(Command("nobody@example.com", Password), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidCredentials));
            Assert.That(ports.AddedSessions, Is.Empty);
            Assert.That(ports.Recorded, Is.EqualTo(new[] { new LoginFailed(null, ports.Now) }));
        });

        // No hash means "verify against the dummy hash": the same cost as a wrong password.
        ports.PasswordHasher.Verify(p => p.VerifyAsync(null, Password, It.IsAny<CancellationToken>()), Times.Once());
    }

    [Test]
    public async Task An_unknown_email_counts_a_failure_like_a_known_one()
    {
        await handler.Handle(Command("nobody@example.com", Password), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(ports.Throttles.FailuresOf("nobody@example.com"), Is.EqualTo(1));
            Assert.That(ports.Throttles.Calls, Is.EqualTo(new[] { "count:nobody@example.com" }));
        });
    }

    [Test]
    public async Task A_wrong_password_answers_exactly_like_an_unknown_email()
    {
        var wrong = await handler.Handle(Command("ada@example.com", "wrong"), CancellationToken.None);
        var unknown = await handler.Handle(Command("nobody@example.com", "wrong"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(wrong.Error, Is.EqualTo(AuthErrors.InvalidCredentials));
            Assert.That(unknown.Error, Is.EqualTo(wrong.Error));
            Assert.That(ports.AddedSessions, Is.Empty);
            Assert.That(ports.Recorded[0], Is.EqualTo(new LoginFailed(user.Id, ports.Now)));
            Assert.That(ports.Throttles.FailuresOf("ada@example.com"), Is.EqualTo(1));
        });
        ports.PasswordHasher.Verify(p => p.VerifyAsync("stored-hash", "wrong", It.IsAny<CancellationToken>()), Times.Once());
    }

    [Test]
    public async Task A_hash_with_weaker_parameters_is_replaced_on_successful_login()
    {
        ports.PasswordCheckIs("stored-hash", Password, PasswordVerification.SucceededRehashNeeded);
        ports.PasswordHasher.Setup(p => p.HashAsync(Password, It.IsAny<CancellationToken>())).ReturnsAsync("stronger-hash");
        ports.Time.Advance(TimeSpan.FromHours(1));

        var result = await handler.Handle(Command("ada@example.com", Password), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(user.PasswordHash, Is.EqualTo("stronger-hash"));
            Assert.That(user.UpdatedAt, Is.EqualTo(ports.Now));
        });
        ports.VerifySavedOnce(); // the rehash is saved with the session
    }

    [Test]
    public async Task The_failure_reaching_the_limit_locks_the_email_and_logs_LockedOut()
    {
        for (var i = 0; i < Ports.MaxFailures - 1; i++)
        {
            await handler.Handle(Command("ada@example.com", "wrong"), CancellationToken.None);
        }

        Assert.That(ports.CommittedOf<LockedOut>(), Is.Empty);

        var last = await handler.Handle(Command("ada@example.com", "wrong"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(last.Error, Is.EqualTo(AuthErrors.InvalidCredentials), "the failure that locks still answers like any failure");
            Assert.That(ports.Recorded[^1], Is.EqualTo(new LockedOut(user.Id, ports.Now)));
            Assert.That(ports.Throttles.LockedUntilOf("ada@example.com"), Is.EqualTo(ports.Now + Ports.LockoutDuration));
        });
    }

    [Test]
    public async Task A_locked_email_answers_too_many_attempts_with_the_time_left_without_checking_the_password()
    {
        await LockOut();
        ports.PasswordHasher.Invocations.Clear();
        ports.Users.Invocations.Clear();
        ports.Time.Advance(TimeSpan.FromMinutes(5));

        var result = await handler.Handle(Command("ada@example.com", Password), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo(AuthErrors.TooManyAttemptsCode));
            Assert.That(result.Error.RetryAfter, Is.EqualTo(Ports.LockoutDuration - TimeSpan.FromMinutes(5)));
            Assert.That(ports.AddedSessions, Is.Empty);
        });
        ports.PasswordHasher.Verify(p => p.VerifyAsync(It.IsAny<string?>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Test]
    public async Task The_lockout_is_per_normalized_email_and_ignores_case()
    {
        await LockOut();

        var result = await handler.Handle(Command(" ADA@EXAMPLE.COM", Password), CancellationToken.None);

        Assert.That(result.Error?.Code, Is.EqualTo(AuthErrors.TooManyAttemptsCode));
    }

    [Test]
    public async Task After_the_lockout_the_right_password_works_again_and_resets_the_counter()
    {
        await LockOut();
        ports.Time.Advance(Ports.LockoutDuration);

        var result = await handler.Handle(Command("ada@example.com", Password), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(ports.Throttles.FailuresOf("ada@example.com"), Is.Zero);
            Assert.That(ports.Throttles.LockedUntilOf("ada@example.com"), Is.Null);
        });
    }

    [Test]
    public async Task A_disabled_account_with_the_right_password_gets_account_disabled_and_no_session()
    {
        user.Disable(ports.Now);

        var result = await handler.Handle(Command("ada@example.com", Password), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.AccountDisabled));
        Assert.That(ports.AddedSessions, Is.Empty);
    }

    [Test]
    public async Task A_disabled_account_with_a_wrong_password_reveals_nothing()
    {
        user.Disable(ports.Now);

        var result = await handler.Handle(Command("ada@example.com", "wrong"), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidCredentials));
    }

    [Test]
    public async Task When_confirmation_is_required_an_unconfirmed_account_is_refused_after_its_password_is_verified()
    {
        ports.Policy.Setup(p => p.RequireConfirmedEmail).Returns(true);

        var refused = await handler.Handle(Command("ada@example.com", Password), CancellationToken.None);
        var wrongPassword = await handler.Handle(Command("ada@example.com", "wrong"), CancellationToken.None);
        user.ConfirmEmail(ports.Now);
        var confirmed = await handler.Handle(Command("ada@example.com", Password), CancellationToken.None);

        Assert.That(refused.Error, Is.EqualTo(AuthErrors.EmailNotConfirmed));
        Assert.That(wrongPassword.Error, Is.EqualTo(AuthErrors.InvalidCredentials));
        Assert.That(confirmed.IsSuccess, Is.True);
    }

    [Test]
    public async Task A_successful_login_resets_earlier_failures()
    {
        await handler.Handle(Command("ada@example.com", "wrong"), CancellationToken.None);
        await handler.Handle(Command("ada@example.com", "wrong"), CancellationToken.None);
        ports.UnitOfWork.Invocations.Clear();

        var result = await handler.Handle(Command("ada@example.com", Password), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(ports.Throttles.FailuresOf("ada@example.com"), Is.Zero);
        });
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task A_failed_commit_returns_its_error_and_logs_no_success()
    {
        ports.SaveFailsAfter(0, new Error("db_down", ErrorKind.Unavailable, "The database is down."));

        var result = await handler.Handle(Command("ada@example.com", Password), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("db_down"));
            Assert.That(ports.Committed, Is.Empty);
        });
    }

    private async Task LockOut()
    {
        for (var i = 0; i < Ports.MaxFailures; i++)
        {
            await handler.Handle(Command("ada@example.com", "wrong"), CancellationToken.None);
        }

        Assert.That(ports.Throttles.LockedUntilOf("ada@example.com"), Is.GreaterThan(ports.Now), "precondition: the email is locked");
    }

    [Test]
    public async Task A_login_losing_its_commit_to_a_password_change_is_checked_again_and_refused()
    {
        ports.PasswordCheckIs("changed-hash", Password, PasswordVerification.Failed);
        var commits = 0;
        ports.UnitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() =>
        {
            if (++commits > 1)
            {
                return Result.Success;
            }

            // The change committed between the proof and this commit: the stamp no longer matches.
            user.ReplacePasswordHash("changed-hash", ports.Now);
            return Result.Failure(AuthErrors.ConcurrentUpdate);
        });

        var result = await handler.Handle(Command("ada@example.com", Password), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidCredentials));
        ports.UnitOfWork.Verify(u => u.Reset(), Times.Once());
        ports.PasswordHasher.Verify(p => p.VerifyAsync("changed-hash", Password, It.IsAny<CancellationToken>()), Times.Once());
    }

    [Test]
    public async Task A_login_losing_its_commit_to_a_role_change_starts_its_session_on_the_second_try()
    {
        ports.SaveFailsAfter(0, AuthErrors.ConcurrentUpdate);

        var result = await handler.Handle(Command("ada@example.com", Password), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        ports.UnitOfWork.Verify(u => u.Reset(), Times.Once());
        ports.VerifySaved(2);
    }

    [Test]
    public async Task A_login_losing_its_commit_twice_answers_invalid_credentials()
    {
        ports.SaveFailsWith(AuthErrors.ConcurrentUpdate);

        var result = await handler.Handle(Command("ada@example.com", Password), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidCredentials));
        ports.VerifySaved(2);
    }

    private static LoginCommand Command(string email, string password) => new(email, password, Ports.Client);
}
