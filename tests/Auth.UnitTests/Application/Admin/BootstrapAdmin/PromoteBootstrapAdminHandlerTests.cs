using Auth.Application.Admin.BootstrapAdmin;
using Auth.Domain.Users;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Admin.BootstrapAdmin;

public class PromoteBootstrapAdminHandlerTests
{
    private Ports ports = null!;
    private PromoteBootstrapAdminHandler handler = null!;
    private User boss = null!;
    private User someone = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        boss = ports.AddUser("boss@example.com", "Boss");
        someone = ports.AddUser("someone@example.com", "Someone");
        boss.ConfirmEmail(ports.Now);
        boss.ClearDomainEvents();
        someone.ConfirmEmail(ports.Now);
        someone.ClearDomainEvents();
        ports.Time.Advance(TimeSpan.FromHours(1));
        handler = ports.Handler<PromoteBootstrapAdminHandler>();
    }

    [Test]
    public async Task The_configured_confirmed_email_is_promoted_and_only_it()
    {
        BootstrapEmailIs("  Boss@Example.COM ");

        var outcome = await handler.Handle(new PromoteBootstrapAdminCommand(), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(BootstrapAdminOutcome.Promoted));
            Assert.That(boss.HasRole(RoleNames.Admin), Is.True);
            Assert.That(boss.UpdatedAt, Is.EqualTo(ports.Now));
            Assert.That(someone.HasRole(RoleNames.Admin), Is.False);
            Assert.That(ports.Recorded, Is.EqualTo(new[] { new RoleGranted(boss.Id, RoleNames.Admin, RoleGrantGrounds.BootstrapAdminAtStart, ports.Now) }));
        });
        ports.Users.Verify(u => u.FindByEmailAsync("boss@example.com", It.IsAny<CancellationToken>()), Times.Once());
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task An_unconfirmed_account_waits_for_confirmation()
    {
        var squatter = ports.AddUser("admin@example.com", "Squatter");
        BootstrapEmailIs("admin@example.com");

        var outcome = await handler.Handle(new PromoteBootstrapAdminCommand(), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(BootstrapAdminOutcome.AwaitingConfirmation));
            Assert.That(squatter.HasRole(RoleNames.Admin), Is.False);
            Assert.That(ports.Committed, Is.Empty);
        });
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task An_email_already_admin_is_not_saved_again()
    {
        BootstrapEmailIs("boss@example.com");
        boss.GrantRole(RoleNames.Admin, TestClock.Start);

        Assert.That(await handler.Handle(new PromoteBootstrapAdminCommand(), CancellationToken.None), Is.EqualTo(BootstrapAdminOutcome.AlreadyAdmin));
        ports.VerifyNeverSaved();
        Assert.That(ports.Committed, Is.Empty);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public async Task No_configured_email_promotes_nobody(string? email)
    {
        BootstrapEmailIs(email);

        Assert.That(await handler.Handle(new PromoteBootstrapAdminCommand(), CancellationToken.None), Is.EqualTo(BootstrapAdminOutcome.NotConfigured));
        ports.Users.Verify(u => u.FindByEmailAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task A_configured_email_without_an_account_promotes_nobody()
    {
        BootstrapEmailIs("nobody@example.com");

        Assert.That(await handler.Handle(new PromoteBootstrapAdminCommand(), CancellationToken.None), Is.EqualTo(BootstrapAdminOutcome.NoAccountYet));
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task A_failed_commit_records_nothing()
    {
        BootstrapEmailIs("boss@example.com");
        ports.SaveFailsWith(new Auth.Application.Common.Errors.Error("db_down", Auth.Application.Common.Errors.ErrorKind.Unavailable, "down"));

        var outcome = await handler.Handle(new PromoteBootstrapAdminCommand(), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(BootstrapAdminOutcome.NotSaved));
            Assert.That(ports.Committed, Is.Empty);
        });
    }

    private void BootstrapEmailIs(string? email) => ports.Policy.Setup(p => p.BootstrapAdminEmail).Returns(email);
}
