using Auth.Application.Admin.EnableUser;
using Auth.Application.Common.Errors;
using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Admin.EnableUser;

public class EnableUserHandlerTests
{
    private Ports ports = null!;
    private EnableUserHandler handler = null!;
    private User admin = null!;
    private User user = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        admin = ports.AddAdmin();
        user = ports.AddUser();
        user.Disable(ports.Now);
        user.ClearDomainEvents();
        ports.Time.Advance(TimeSpan.FromHours(1));
        handler = ports.Handler<EnableUserHandler>();
    }

    [Test]
    public async Task Enabling_a_disabled_account_saves_and_raises_the_event_the_trail_records()
    {
        var result = await handler.Handle(Command(user.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Value.Disabled, Is.False);
            Assert.That(user.DisabledAt, Is.Null);
            Assert.That(user.UpdatedAt, Is.EqualTo(ports.Now));
            Assert.That(ports.Recorded, Is.EqualTo(new[]
            {
                new AccountEnabled(user.Id, ports.Now),
            }));
        });
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task Enabling_an_enabled_account_saves_nothing()
    {
        var result = await handler.Handle(Command(admin.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Value.Disabled, Is.False);
            Assert.That(ports.Committed, Is.Empty);
        });
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task An_unknown_user_is_user_not_found()
    {
        var result = await handler.Handle(Command(Guid.NewGuid()), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.UserNotFound));
    }

    [Test]
    public async Task A_failed_commit_is_returned_and_records_nothing()
    {
        ports.SaveFailsWith(new Error("db_down", ErrorKind.Unavailable, "down"));

        var result = await handler.Handle(Command(user.Id), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("db_down"));
            Assert.That(ports.Committed, Is.Empty);
        });
    }

    private EnableUserCommand Command(Guid userId) => new(admin.Id, userId, Ports.Client);
}
