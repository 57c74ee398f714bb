using Auth.Application.Common.Errors;
using Auth.Application.Users.RegisterUser;
using Auth.Domain.Users;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Users.RegisterUser;

public class RegisterUserHandlerTests
{
    private Ports ports = null!;
    private RegisterUserHandler handler = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        ports.PasswordHasher.Setup(p => p.HashAsync("correct horse battery", It.IsAny<CancellationToken>())).ReturnsAsync("argon2-hash");
        handler = ports.Handler<RegisterUserHandler>();
    }

    [Test]
    public async Task Signup_stores_a_hashed_confirmation_token_and_commits_the_mail_of_its_value_with_it()
    {

        var result = await handler.Handle(Command("ada@example.com"), CancellationToken.None);

        var token = ports.AddedAccountTokens.Single();
        Assert.Multiple(() =>
        {
            Assert.That(token.Purpose, Is.EqualTo(AccountTokenPurpose.EmailConfirmation));
            Assert.That(token.UserId, Is.EqualTo(result.Value.User.Id));
            Assert.That(token.Hash, Is.EqualTo("hash:refresh-1"), "only the hash is stored");
            Assert.That(token.ExpiresAt, Is.EqualTo(ports.Now + Ports.ConfirmationLifetime));
            Assert.That(ports.Mails, Is.EqualTo(new[] { ("confirm", "ada@example.com", "refresh-1") }));
            Assert.That(ports.CommittedOf<EmailConfirmationRequested>().Single().Resent, Is.False, "a signup's mail is part of the signup");
        });
    }

    [Test]
    public async Task The_bootstrap_admin_email_signs_up_as_an_ordinary_account()
    {
        ports.Policy.Setup(p => p.BootstrapAdminEmail).Returns(" Boss@Example.com ");

        var boss = await handler.Handle(Command("boss@example.com"), CancellationToken.None);

        Assert.That(boss.Value.User.Roles, Is.EqualTo(new[] { "user" }));
    }

    [Test]
    public async Task A_failed_commit_sends_no_mail()
    {
        ports.SaveFailsWith(AuthErrors.EmailTaken);

        await handler.Handle(Command("ada@example.com"), CancellationToken.None);

        Assert.That(ports.Mails, Is.Empty);
    }

    [Test]
    public async Task A_new_email_creates_the_user_with_the_hash_and_a_session()
    {
        User? added = null;
        ports.Users.Setup(u => u.Add(It.IsAny<User>())).Callback((User u) => added = u);

        var result = await handler.Handle(Command(" Ada@Example.COM "), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(added, Is.Not.Null);
        var session = ports.AddedSessions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(added!.Email, Is.EqualTo("Ada@Example.COM"));
            Assert.That(added.NormalizedEmail, Is.EqualTo("ada@example.com"));
            Assert.That(added.Name, Is.EqualTo("Ada Lovelace"));
            Assert.That(added.PasswordHash, Is.EqualTo("argon2-hash"));
            Assert.That(added.CreatedAt, Is.EqualTo(ports.Now));

            Assert.That(session.UserId, Is.EqualTo(added.Id));
            Assert.That(session.ClientAddress, Is.EqualTo(Ports.Client.Address));
            Assert.That(session.ExpiresAt, Is.EqualTo(ports.Now + Ports.SessionLifetime));
            Assert.That(ports.AddedRefreshTokens.Single().SessionId, Is.EqualTo(session.Id));
            Assert.That(ports.AddedRefreshTokens.Single().Hash, Is.EqualTo("hash:refresh-2"));

            Assert.That(result.Value.SessionId, Is.EqualTo(session.Id));
            Assert.That(result.Value.RefreshToken, Is.EqualTo("refresh-2"));
            Assert.That(result.Value.AccessToken.Token, Is.EqualTo($"jwt:{added.Id}:{session.Id}"));
            Assert.That(result.Value.User.Id, Is.EqualTo(added.Id));
            Assert.That(result.Value.User.Email, Is.EqualTo("Ada@Example.COM"));
        });
        ports.Users.Verify(u => u.EmailExistsAsync("ada@example.com", It.IsAny<CancellationToken>()), Times.Once());
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task Success_commits_a_UserRegistered_event()
    {
        var result = await handler.Handle(Command("ada@example.com"), CancellationToken.None);

        Assert.That(ports.CommittedOf<UserRegistered>(), Is.EqualTo(new[]
        {
            new UserRegistered(result.Value.User.Id, ports.Now),
        }));
    }

    [Test]
    public async Task A_known_email_is_refused_before_hashing_or_adding_anything()
    {
        ports.Users.Setup(u => u.EmailExistsAsync("ada@example.com", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await handler.Handle(Command("ADA@example.com"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthErrors.EmailTaken));
            Assert.That(ports.AddedSessions, Is.Empty);
            Assert.That(ports.Committed, Is.Empty);
        });
        ports.PasswordHasher.Verify(p => p.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
        ports.Users.Verify(u => u.Add(It.IsAny<User>()), Times.Never());
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task A_race_lost_at_the_unique_index_comes_back_as_email_taken()
    {
        ports.SaveFailsWith(AuthErrors.EmailTaken);

        var result = await handler.Handle(Command("ada@example.com"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.False);
            Assert.That(result.Error!.Code, Is.EqualTo("email_taken"));
            Assert.That(ports.Committed, Is.Empty, "no SignedUp event for an account that was not created");
        });
    }

    [Test]
    public async Task A_common_password_is_refused_with_its_reason_and_nothing_is_created()
    {
        var result = await handler.Handle(Command("ada@example.com") with { Password = "Password123!" }, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo(AuthErrors.WeakPasswordCode));
            Assert.That(result.Error.Reasons, Is.EqualTo(new[] { "too_common" }));
            Assert.That(ports.Mails, Is.Empty);
        });
        ports.PasswordHasher.Verify(p => p.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
        ports.VerifyNeverSaved();
    }

    private static RegisterUserCommand Command(string email) =>
        new(email, "correct horse battery", "  Ada Lovelace ", Ports.Client);
}
