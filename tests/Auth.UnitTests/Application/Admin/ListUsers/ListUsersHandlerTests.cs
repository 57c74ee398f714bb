using Auth.Application.Admin.ListUsers;
using Auth.Application.Users;
using Auth.Domain.Users;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Admin.ListUsers;

public class ListUsersHandlerTests
{
    private Ports ports = null!;
    private ListUsersHandler handler = null!;
    private User ada = null!;
    private User grace = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        ada = ports.AddUser("ada@example.com", "Ada");
        grace = ports.AddAdmin("grace@example.com", "Grace");
        ports.Users.Setup(u => u.ListAsync(It.IsAny<string?>(), It.IsAny<UserSort>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(([ada, grace], 42));
        handler = ports.Handler<ListUsersHandler>();
    }

    [Test]
    public async Task The_page_sort_and_normalized_prefix_reach_the_repository_and_the_page_carries_the_total()
    {
        var page = await handler.Handle(new ListUsersQuery("  ADA@Ex ", UserSort.EmailDesc, 3, 20), CancellationToken.None);

        ports.Users.Verify(u => u.ListAsync("ada@ex", UserSort.EmailDesc, 3, 20, It.IsAny<CancellationToken>()), Times.Once());
        Assert.Multiple(() =>
        {
            Assert.That(page.Total, Is.EqualTo(42));
            Assert.That(page.PageNumber, Is.EqualTo(3));
            Assert.That(page.PageSize, Is.EqualTo(20));
            Assert.That(page.Items.Select(u => u.Id), Is.EqualTo(new[] { ada.Id, grace.Id }));
            Assert.That(page.Items[1].Roles, Is.EqualTo(new[] { RoleNames.User, RoleNames.Admin }));
            Assert.That(page.Items[0].Email, Is.EqualTo("ada@example.com"));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public async Task A_blank_prefix_lists_everyone(string? prefix)
    {
        await handler.Handle(new ListUsersQuery(prefix, UserSort.CreatedDesc, 1, 50), CancellationToken.None);

        ports.Users.Verify(u => u.ListAsync(null, UserSort.CreatedDesc, 1, 50, It.IsAny<CancellationToken>()), Times.Once());
    }
}
