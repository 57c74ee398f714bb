using Auth.Application.Common.Errors;
using Auth.Application.Users.UpdateProfile;
using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Users.UpdateProfile;

public class UpdateProfileHandlerTests
{
    private Ports ports = null!;
    private UpdateProfileHandler handler = null!;
    private User user = null!;
    private readonly Guid sessionId = Guid.NewGuid();

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        user = ports.AddUser(name: "Ada Lovelace");
        ports.Time.Advance(TimeSpan.FromDays(1));
        handler = ports.Handler<UpdateProfileHandler>();
    }

    [Test]
    public async Task Renames_the_user_commits_and_returns_the_new_view()
    {
        var result = await handler.Handle(Command("  Ada King "), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(user.Name, Is.EqualTo("Ada King"));
            Assert.That(user.UpdatedAt, Is.EqualTo(ports.Now));
            Assert.That(result.Value.Name, Is.EqualTo("Ada King"));
            Assert.That(result.Value.Id, Is.EqualTo(user.Id));
            Assert.That(ports.Recorded, Is.EqualTo(new[] { new ProfileUpdated(user.Id, ports.Now) }));
        });
        ports.VerifySavedOnce();
    }

    [Test]
    public async Task An_unknown_user_makes_the_token_invalid()
    {
        var result = await handler.Handle(new UpdateProfileCommand(Guid.NewGuid(), sessionId, "Ada King", Ports.Client), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidToken));
        ports.VerifyNeverSaved();
    }

    [Test]
    public async Task A_failed_commit_returns_its_error_and_logs_nothing()
    {
        ports.SaveFailsWith(new Error("db_down", ErrorKind.Unavailable, "down"));

        var result = await handler.Handle(Command("Ada King"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error!.Code, Is.EqualTo("db_down"));
            Assert.That(ports.Committed, Is.Empty);
        });
    }

    private UpdateProfileCommand Command(string name) => new(user.Id, sessionId, name, Ports.Client);
}
