using Auth.Application.Admin.CreateAdmin;
using Auth.Application.Common.Errors;
using Auth.Domain.Events;
using Auth.Domain.Users;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Admin.CreateAdmin;

public class CreateAdminHandlerTests
{
    private Ports ports = null!;
    private CreateAdminHandler handler = null!;
    private User? added;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        added = null;
        ports.Users.Setup(u => u.Add(It.IsAny<User>())).Callback((User u) => added = u);
        ports.PasswordHasher.Setup(p => p.HashAsync("a long enough secret", It.IsAny<CancellationToken>())).ReturnsAsync("new-hash");
        ports.Time.Advance(TimeSpan.FromDays(1));
        handler = ports.Handler<CreateAdminHandler>();
    }

    [Test]
    public async Task A_new_email_creates_a_confirmed_admin_with_the_hashed_password()
    {
        var result = await handler.Handle(new CreateAdminCommand(" Root@Example.com ", "a long enough secret", "Root"), CancellationToken.None);

        Assert.That(added, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(result.Value.Id, Is.EqualTo(added!.Id));
            Assert.That(added.Email, Is.EqualTo("Root@Example.com"));
            Assert.That(added.Name, Is.EqualTo("Root"));
            Assert.That(added.PasswordHash, Is.EqualTo("new-hash"));
            Assert.That(added.EmailConfirmed, Is.True);
            Assert.That(added.Roles, Is.EqualTo(new[] { RoleNames.User, RoleNames.Admin }));
            Assert.That(added.CreatedAt, Is.EqualTo(ports.Now));
            Assert.That(ports.Recorded, Is.EqualTo(new IDomainEvent[]
            {
                new UserRegistered(added.Id, ports.Now),
                new RoleGranted(added.Id, RoleNames.Admin, RoleGrantGrounds.BootstrapAdminByCommandLine, ports.Now),
            }));
        });
        ports.Users.Verify(u => u.FindByEmailAsync("root@example.com", It.IsAny<CancellationToken>()), Times.Once());
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task A_new_admin_with_a_sequence_for_a_password_is_refused()
    {
        var result = await handler.Handle(new CreateAdminCommand("root@example.com", "qwertyuiop", "Root"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo(AuthErrors.WeakPasswordCode));
            Assert.That(result.Error.Reasons, Is.EqualTo(new[] { "repetitive" }));
            Assert.That(added, Is.Null);
        });
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task An_existing_account_is_promoted_and_keeps_its_password()
    {
        var existing = ports.AddUser("root@example.com", "Existing");
        existing.ConfirmEmail(ports.Now);
        existing.ClearDomainEvents();

        var result = await handler.Handle(new CreateAdminCommand("ROOT@example.com", "a long enough secret", "Root"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Value.Id, Is.EqualTo(existing.Id));
            Assert.That(result.Value.Roles, Is.EqualTo(new[] { RoleNames.User, RoleNames.Admin }));
            Assert.That(existing.PasswordHash, Is.EqualTo("stored-hash"));
            Assert.That(existing.Name, Is.EqualTo("Existing"));
            Assert.That(added, Is.Null);
            Assert.That(ports.Recorded, Is.EqualTo(new[] { new RoleGranted(existing.Id, RoleNames.Admin, RoleGrantGrounds.BootstrapAdminByCommandLine, ports.Now) }));
        });
        ports.PasswordHasher.Verify(p => p.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task An_existing_account_with_an_unconfirmed_address_is_not_promoted()
    {
        var existing = ports.AddUser("root@example.com", "Squatter");

        var result = await handler.Handle(new CreateAdminCommand("root@example.com", "a long enough secret", "Root"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthErrors.AdminEmailNotConfirmed));
            Assert.That(existing.HasRole(RoleNames.Admin), Is.False);
            Assert.That(ports.Committed, Is.Empty);
        });
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task A_failed_commit_is_returned_and_records_nothing()
    {
        ports.SaveFailsWith(AuthErrors.EmailTaken);

        var result = await handler.Handle(new CreateAdminCommand("root@example.com", "a long enough secret", "Root"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthErrors.EmailTaken));
            Assert.That(ports.Committed, Is.Empty);
        });
    }
}
