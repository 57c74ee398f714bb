using Auth.Application.Common.Errors;
using Auth.Application.Users.ConfirmEmail;
using Auth.Domain.Events;
using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Users.ConfirmEmail;

public class ConfirmEmailHandlerTests
{
    private Ports ports = null!;
    private ConfirmEmailHandler handler = null!;
    private User user = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        user = ports.AddUser();
        handler = ports.Handler<ConfirmEmailHandler>();
    }

    [Test]
    public async Task A_valid_token_confirms_the_email_spends_the_token_and_records_the_event()
    {
        var token = ports.IssueAccountToken(user, AccountTokenPurpose.EmailConfirmation);
        ports.Time.Advance(TimeSpan.FromHours(3));

        var result = await handler.Handle(Command(token), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(user.EmailConfirmed, Is.True);
            Assert.That(user.UpdatedAt, Is.EqualTo(ports.Now));
            Assert.That(ports.AddedAccountTokens.Single().UsedAt, Is.EqualTo(ports.Now));
            Assert.That(ports.Recorded, Is.EqualTo(new[] { new EmailConfirmed(user.Id, ports.Now) }));
        });
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task Confirming_the_bootstrap_admin_address_grants_admin_and_records_the_path()
    {
        ports.Policy.Setup(p => p.BootstrapAdminEmail).Returns(" ADA@example.com ");
        var token = ports.IssueAccountToken(user, AccountTokenPurpose.EmailConfirmation);

        await handler.Handle(Command(token), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(user.HasRole(RoleNames.Admin), Is.True);
            Assert.That(ports.Recorded, Is.EqualTo(new IDomainEvent[] { new EmailConfirmed(user.Id, ports.Now), new RoleGranted(user.Id, RoleNames.Admin, RoleGrantGrounds.BootstrapAdminOnConfirmation, ports.Now) }));
        });
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task Confirming_another_address_grants_nothing()
    {
        ports.Policy.Setup(p => p.BootstrapAdminEmail).Returns("boss@example.com");
        var token = ports.IssueAccountToken(user, AccountTokenPurpose.EmailConfirmation);

        await handler.Handle(Command(token), CancellationToken.None);

        Assert.That(user.HasRole(RoleNames.Admin), Is.False);
        Assert.That(ports.Recorded, Is.EqualTo(new[] { new EmailConfirmed(user.Id, ports.Now) }));
    }

    [Test]
    public async Task A_second_link_for_a_confirmed_address_is_spent_without_recording_a_confirmation_again()
    {
        user.ConfirmEmail(ports.Now);
        user.ClearDomainEvents();
        var token = ports.IssueAccountToken(user, AccountTokenPurpose.EmailConfirmation);

        var result = await handler.Handle(Command(token), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(ports.AddedAccountTokens.Single().UsedAt, Is.EqualTo(ports.Now));
            Assert.That(ports.Committed, Is.Empty);
        });
    }

    [Test]
    public async Task An_expired_token_is_an_invalid_token()
    {
        var token = ports.IssueAccountToken(user, AccountTokenPurpose.EmailConfirmation);
        ports.Time.Advance(Ports.ConfirmationLifetime);

        await AssertRefused(token);
    }

    [Test]
    public async Task A_used_token_is_an_invalid_token_the_second_time()
    {
        var token = ports.IssueAccountToken(user, AccountTokenPurpose.EmailConfirmation);
        Assert.That((await handler.Handle(Command(token), CancellationToken.None)).IsSuccess, Is.True);
        ports.Committed.Clear();
        ports.UnitOfWork.Invocations.Clear();

        await AssertRefused(token, confirmed: true);
    }

    [Test]
    public async Task A_password_reset_token_does_not_confirm_an_email()
    {
        var token = ports.IssueAccountToken(user, AccountTokenPurpose.PasswordReset);

        await AssertRefused(token);
        Assert.That(ports.AddedAccountTokens.Single().UsedAt, Is.Null, "the reset link still works");
    }

    [Test]
    public async Task An_unknown_token_is_an_invalid_token() => await AssertRefused("never-issued");

    [Test]
    public async Task A_token_of_a_deleted_account_is_an_invalid_token()
    {
        var gone = User.Register("gone@example.com", "Gone", "hash", ports.Now);
        var token = ports.IssueAccountToken(gone, AccountTokenPurpose.EmailConfirmation);

        var result = await handler.Handle(Command(token), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidAccountToken));
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task Losing_the_race_to_a_concurrent_use_is_an_invalid_token_and_records_nothing()
    {
        var token = ports.IssueAccountToken(user, AccountTokenPurpose.EmailConfirmation);
        ports.SaveFailsWith(AuthErrors.ConcurrentUpdate);

        var result = await handler.Handle(Command(token), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidAccountToken));
            Assert.That(ports.Committed, Is.Empty);
        });
    }

    [Test]
    public async Task Another_commit_failure_is_passed_through()
    {
        var token = ports.IssueAccountToken(user, AccountTokenPurpose.EmailConfirmation);
        ports.SaveFailsWith(new Error("db_down", ErrorKind.Unavailable, "down"));

        var result = await handler.Handle(Command(token), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("db_down"));
            Assert.That(ports.Committed, Is.Empty);
        });
    }

    private async Task AssertRefused(string token, bool confirmed = false)
    {
        var result = await handler.Handle(Command(token), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidAccountToken));
            Assert.That(result.Error!.Code, Is.EqualTo("invalid_account_token"));
            Assert.That(user.EmailConfirmed, Is.EqualTo(confirmed));
            Assert.That(ports.Committed, Is.Empty);
        });
        ports.VerifyNeverSaved();
    }

    private static ConfirmEmailCommand Command(string token) => new(token, Ports.Client);
}
