using Auth.Application.Common.Errors;
using Auth.Application.Users;
using Auth.Application.Users.GetCurrentUser;
using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Users.GetCurrentUser;

public class GetCurrentUserHandlerTests
{
    [Test]
    public async Task Returns_the_users_own_view()
    {
        var ports = new Ports();
        var user = ports.AddUser(" Ada@Example.com ", "Ada Lovelace");
        var handler = new GetCurrentUserHandler(ports.Users.Object);

        var result = await handler.Handle(new GetCurrentUserQuery(user.Id), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(result.Value.Id, Is.EqualTo(user.Id));
            Assert.That(result.Value.Email, Is.EqualTo("Ada@Example.com"));
            Assert.That(result.Value.Name, Is.EqualTo("Ada Lovelace"));
            Assert.That(result.Value.EmailConfirmed, Is.False);
            Assert.That(result.Value.Roles, Is.EqualTo(new[] { RoleNames.User }));
            Assert.That(result.Value.CreatedAt, Is.EqualTo(ports.Now));
        });
    }

    [Test]
    public async Task A_user_deleted_since_the_token_was_issued_makes_the_token_invalid()
    {
        var ports = new Ports();
        var handler = new GetCurrentUserHandler(ports.Users.Object);

        var result = await handler.Handle(new GetCurrentUserQuery(Guid.NewGuid()), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidToken));
            Assert.That(() => result.Value, Throws.InvalidOperationException);
        });
    }

    [Test]
    public void The_view_carries_nothing_secret() =>
        Assert.That(typeof(UserView).GetProperties().Select(p => p.Name), Has.None.Contains("Password").And.None.Contains("Hash"));
}
