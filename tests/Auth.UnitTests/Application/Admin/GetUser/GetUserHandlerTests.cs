using Auth.Application.Admin.GetUser;
using Auth.Application.Common.Errors;
using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Admin.GetUser;

public class GetUserHandlerTests
{
    private readonly Ports ports = new();

    [Test]
    public async Task A_known_user_is_shown_with_roles_confirmation_and_disabled_state()
    {
        var user = ports.AddUser("Ada@Example.com", "Ada");
        ports.Time.Advance(TimeSpan.FromHours(1));
        user.GrantRole(RoleNames.Admin, ports.Now);
        user.ConfirmEmail(ports.Now);
        user.Disable(ports.Now);

        var result = await ports.Handler<GetUserHandler>().Handle(new GetUserQuery(user.Id), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        var view = result.Value;
        Assert.Multiple(() =>
        {
            Assert.That(view.Id, Is.EqualTo(user.Id));
            Assert.That(view.Email, Is.EqualTo("Ada@Example.com"));
            Assert.That(view.Name, Is.EqualTo("Ada"));
            Assert.That(view.EmailConfirmed, Is.True);
            Assert.That(view.Disabled, Is.True);
            Assert.That(view.CreatedAt, Is.EqualTo(TestClock.Start));
            Assert.That(view.UpdatedAt, Is.EqualTo(ports.Now));
            Assert.That(view.Roles, Is.EqualTo(new[] { RoleNames.User, RoleNames.Admin }));
        });
    }

    [Test]
    public async Task An_unknown_id_is_user_not_found()
    {
        var result = await ports.Handler<GetUserHandler>().Handle(new GetUserQuery(Guid.NewGuid()), CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo(AuthErrors.UserNotFound));
    }
}
