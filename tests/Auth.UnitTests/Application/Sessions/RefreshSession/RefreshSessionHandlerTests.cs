using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Common;
using Auth.Application.Sessions.RefreshSession;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Sessions.RefreshSession;

public class RefreshSessionHandlerTests
{
    private const string Presented = "presented-token";
    private const string PresentedHash = "hash:" + Presented;

    private Ports ports = null!;
    private RefreshSessionHandler handler = null!;
    private User user = null!;
    private Session session = null!;
    private RefreshToken token = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        user = ports.AddUser();
        session = ports.AddSession(user);
        token = session.IssueRefreshToken(PresentedHash, ports.Now);
        ports.Sessions.Setup(s => s.FindRefreshTokenAsync(PresentedHash, It.IsAny<CancellationToken>())).ReturnsAsync(() => new RefreshTokenOwner(token, session, user));
        ports.Sealer.Setup(s => s.Seal(It.IsAny<string>(), It.IsAny<string>())).Returns((string secret, string key) => $"sealed({secret}|{key})");
        handler = ports.Handler<RefreshSessionHandler>();
    }

    [Test]
    public async Task A_current_token_is_rotated_to_a_new_one()
    {
        ports.Time.Advance(TimeSpan.FromHours(1));

        var result = await Refresh();

        Assert.That(result.IsSuccess, Is.True);
        var successor = ports.AddedRefreshTokens.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Value.RefreshToken, Is.EqualTo("refresh-1"));
            Assert.That(result.Value.SessionId, Is.EqualTo(session.Id));
            Assert.That(result.Value.User.Id, Is.EqualTo(user.Id));
            Assert.That(result.Value.AccessToken.Token, Is.EqualTo($"jwt:{user.Id}:{session.Id}"));
            Assert.That(result.Value.AccessToken.ExpiresAt, Is.EqualTo(ports.Now + Ports.AccessTokenLifetime));

            Assert.That(successor.Hash, Is.EqualTo("hash:refresh-1"));
            Assert.That(successor.SessionId, Is.EqualTo(session.Id));
            Assert.That(successor.IssuedAt, Is.EqualTo(ports.Now));

            Assert.That(token.UsedAt, Is.EqualTo(ports.Now));
            Assert.That(token.SealedSuccessor, Is.EqualTo($"sealed(refresh-1|{Presented})"), "the successor is sealed under the presented token");
            Assert.That(session.LastUsedAt, Is.EqualTo(ports.Now));
            Assert.That(session.EndedAt, Is.Null);
            Assert.That(ports.Committed, Is.EqualTo(new[] { new SessionRefreshed(session.Id, user.Id, ports.Now) }));
        });
        ports.RefreshTokens.Verify(r => r.Hash(Presented), Times.Once());
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task An_unknown_token_is_invalid_and_changes_nothing()
    {
        var result = await handler.Handle(new RefreshSessionCommand("never-issued", Ports.Client), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidRefreshToken));
            Assert.That(ports.Committed, Is.Empty);
        });
        ports.RefreshTokens.Verify(r => r.Create(), Times.Never());
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task A_token_of_an_ended_session_is_invalid()
    {
        session.End(ports.Now, SessionEndReason.Logout);

        var result = await Refresh();

        Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidRefreshToken));
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task A_token_of_a_disabled_user_is_invalid()
    {
        user.Disable(ports.Now);

        Assert.That((await Refresh()).Error, Is.EqualTo(AuthErrors.InvalidRefreshToken));
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task A_session_past_its_absolute_lifetime_is_invalid_even_if_used_recently()
    {
        ports.Time.Advance(Ports.SessionLifetime - TimeSpan.FromDays(1));
        session.Touch(ports.Now);
        ports.Time.Advance(TimeSpan.FromDays(1));

        var result = await Refresh();

        Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidRefreshToken));
        ports.RefreshTokens.Verify(r => r.Create(), Times.Never());
    }

    [Test]
    public async Task A_session_unused_for_the_idle_lifetime_is_invalid()
    {
        ports.Time.Advance(Ports.IdleLifetime);

        var result = await Refresh();

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidRefreshToken));
            Assert.That(token.UsedAt, Is.Null);
        });
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task A_session_used_just_inside_the_idle_lifetime_still_refreshes()
    {
        ports.Time.Advance(Ports.IdleLifetime - TimeSpan.FromSeconds(1));

        Assert.That((await Refresh()).IsSuccess, Is.True);
    }

    [Test]
    public async Task Reuse_after_the_grace_window_ends_the_session_as_theft()
    {
        token.MarkUsed(ports.Now, "sealed-successor");
        ports.Time.Advance(Ports.ReuseGrace + TimeSpan.FromSeconds(1));

        var result = await Refresh();

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthErrors.RefreshTokenReused));
            Assert.That(session.EndedAt, Is.EqualTo(ports.Now));
            Assert.That(session.EndReason, Is.EqualTo(SessionEndReason.RefreshTokenReused));
            Assert.That(ports.Ended.Single(), Is.EqualTo(session.Id));
            Assert.That(ports.Ended, Is.EqualTo(new[] { session.Id }));
            Assert.That(ports.AddedRefreshTokens, Is.Empty);
            Assert.That(ports.Committed, Is.EqualTo(new[] { new SessionEnded(session.Id, user.Id, SessionEndReason.RefreshTokenReused, ports.Now) }));
        });
        ports.Sealer.Verify(s => s.Unseal(It.IsAny<string>(), It.IsAny<string>()), Times.Never());
        ports.AccessTokens.Verify(a => a.Issue(It.IsAny<User>(), It.IsAny<Session>(), It.IsAny<DateTimeOffset>()), Times.Never());
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task Reuse_whose_session_end_fails_to_commit_publishes_no_revocation()
    {
        token.MarkUsed(ports.Now, "sealed-successor");
        ports.Time.Advance(TimeSpan.FromMinutes(5));
        ports.SaveFailsWith(new Error("db_down", ErrorKind.Unavailable, "down"));

        var result = await Refresh();

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("db_down"));
            Assert.That(ports.Ended, Is.Empty);
            Assert.That(ports.Committed, Is.Empty);
        });
    }

    [Test]
    public async Task Reuse_inside_the_grace_window_hands_out_the_same_successor()
    {
        token.MarkUsed(ports.Now, "sealed-successor");
        ports.Sealer.Setup(s => s.Unseal("sealed-successor", Presented)).Returns("the-successor");
        ports.Time.Advance(Ports.ReuseGrace);

        var result = await Refresh();

        Assert.That(result.IsSuccess, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(result.Value.RefreshToken, Is.EqualTo("the-successor"));
            Assert.That(result.Value.SessionId, Is.EqualTo(session.Id));
            Assert.That(result.Value.AccessToken.ExpiresAt, Is.EqualTo(ports.Now + Ports.AccessTokenLifetime));
            Assert.That(session.EndedAt, Is.Null);
            Assert.That(ports.AddedRefreshTokens, Is.Empty, "no third token is minted");
            Assert.That(ports.Ended, Is.Empty);
        });
        ports.RefreshTokens.Verify(r => r.Create(), Times.Never());
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task Reuse_inside_the_grace_window_whose_successor_cannot_be_unsealed_is_treated_as_theft()
    {
        token.MarkUsed(ports.Now, "sealed-successor");
        ports.Sealer.Setup(s => s.Unseal("sealed-successor", Presented)).Returns((string?)null);
        ports.Time.Advance(TimeSpan.FromSeconds(1));

        var result = await Refresh();

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthErrors.RefreshTokenReused));
            Assert.That(session.EndReason, Is.EqualTo(SessionEndReason.RefreshTokenReused));
        });
    }

    [Test]
    public async Task Losing_a_race_to_a_twin_request_retries_and_returns_the_twins_successor()
    {
        // First read: unused. Our commit then loses to a twin that rotated it; the re-read shows the twin's work.
        var rotatedByTwin = session.IssueRefreshToken(PresentedHash, ports.Now);
        ports.Time.Advance(TimeSpan.FromMinutes(1));
        rotatedByTwin.MarkUsed(ports.Now, "twin-sealed");
        ports.Sessions.SetupSequence(s => s.FindRefreshTokenAsync(PresentedHash, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RefreshTokenOwner(token, session, user))
            .ReturnsAsync(new RefreshTokenOwner(rotatedByTwin, session, user));
        ports.UnitOfWork.SetupSequence(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(Result.Failure(AuthErrors.ConcurrentUpdate))
            .ReturnsAsync(Result.Success);
        ports.Sealer.Setup(s => s.Unseal("twin-sealed", Presented)).Returns("twins-successor");

        var result = await Refresh();

        Assert.That(result.IsSuccess, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(result.Value.RefreshToken, Is.EqualTo("twins-successor"));
            Assert.That(session.EndedAt, Is.Null);
            Assert.That(ports.Committed, Is.Empty, "our own rotation was never committed");
        });
        ports.UnitOfWork.Verify(u => u.Reset(), Times.Once());
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task Losing_the_race_twice_answers_invalid_refresh_token_not_the_internal_code()
    {
        ports.Sessions.Setup(s => s.FindRefreshTokenAsync(PresentedHash, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new RefreshTokenOwner(session.IssueRefreshToken(PresentedHash, ports.Now), session, user));
        ports.SaveFailsWith(AuthErrors.ConcurrentUpdate);

        var result = await Refresh();

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidRefreshToken));
            Assert.That(ports.Committed, Is.Empty);
        });
        ports.UnitOfWork.Verify(u => u.Reset(), Times.Once());
        ports.UnitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    public async Task Any_other_commit_failure_is_returned_without_a_retry()
    {
        ports.SaveFailsWith(new Error("db_down", ErrorKind.Unavailable, "down"));

        var result = await Refresh();

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("db_down"));
            Assert.That(ports.Committed, Is.Empty);
        });
        ports.UnitOfWork.Verify(u => u.Reset(), Times.Never());
        ports.VerifySavedOnce();
    }

    private Task<Result<AuthResult>> Refresh() =>
        handler.Handle(new RefreshSessionCommand(Presented, Ports.Client), CancellationToken.None).AsTask();
}
