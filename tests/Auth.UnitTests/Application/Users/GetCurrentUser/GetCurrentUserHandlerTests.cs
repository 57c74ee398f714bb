using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Users;
using Auth.Application.Users.GetCurrentUser;
using Auth.Domain.Users;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Users.GetCurrentUser;

public class GetCurrentUserHandlerTests
{
    [Test]
    public async Task Returns_the_users_own_view()
    {
        var ports = new Ports();
        var user = ports.AddUser(" Ada@Example.com ", "Ada Lovelace");
        var handler = new GetCurrentUserHandler(ViewsOf(ports));

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
        var handler = new GetCurrentUserHandler(ViewsOf(ports));

        var result = await handler.Handle(new GetCurrentUserQuery(Guid.NewGuid()), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.EqualTo(AuthErrors.InvalidToken));
            Assert.That(() => result.Value, Throws.InvalidOperationException);
        });
    }

    // The reader as Infrastructure implements it: the repository's user, as its view.
    private static IUserViewReader ViewsOf(Ports ports)
    {
        var reader = new Mock<IUserViewReader>();
        reader.Setup(r => r.FindAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .Returns(async (Guid id, CancellationToken ct) => await ports.Users.Object.FindByIdAsync(id, ct) is { } user ? UserView.From(user) : null);
        return reader.Object;
    }

    [Test]
    public void The_view_carries_nothing_secret() =>
        Assert.That(typeof(UserView).GetProperties().Select(p => p.Name), Has.None.Contains("Password").And.None.Contains("Hash"));
}
