using Auth.Application.Sessions.ListSessions;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Sessions.ListSessions;

public class ListSessionsHandlerTests
{
    [Test]
    public async Task Lists_active_sessions_most_recently_used_first_and_flags_the_current_one()
    {
        var ports = new Ports();
        var user = ports.AddUser();
        var oldest = ports.AddSession(user, "Old phone");
        var current = ports.AddSession(user, "This browser");
        var recent = ports.AddSession(user, "Laptop");
        current.Touch(ports.Now.AddHours(1));
        recent.Touch(ports.Now.AddHours(2));
        ports.ActiveSessionsAre(user, oldest, current, recent);
        ports.Time.Advance(TimeSpan.FromHours(3));
        var handler = ports.Handler<ListSessionsHandler>();

        var views = (await handler.Handle(new ListSessionsQuery(user.Id, current.Id), CancellationToken.None)).Items;

        Assert.Multiple(() =>
        {
            Assert.That(views.Select(v => v.Id), Is.EqualTo(new[] { recent.Id, current.Id, oldest.Id }));
            Assert.That(views.Select(v => v.Current), Is.EqualTo(new[] { false, true, false }));
            Assert.That(views[0], Is.EqualTo(new SessionView(
                recent.Id, recent.CreatedAt, ports.Now.AddHours(-1), Ports.Client.Address, "Laptop", Current: false, recent.Amr, "aal1")));
            Assert.That(views[0].Amr, Is.EqualTo(new[] { "pwd" }));
        });
        ports.Sessions.Verify(s => s.ListActiveAsync(user.Id, ports.Now, It.IsAny<CancellationToken>()), Times.Once());
    }

    [Test]
    public async Task No_active_sessions_gives_an_empty_list()
    {
        var ports = new Ports();
        var user = ports.AddUser();
        ports.ActiveSessionsAre(user);
        var handler = ports.Handler<ListSessionsHandler>();

        var views = (await handler.Handle(new ListSessionsQuery(user.Id, Guid.NewGuid()), CancellationToken.None)).Items;

        Assert.That(views, Is.Empty);
    }

    [Test]
    public async Task A_session_idle_past_its_idle_lifetime_is_not_listed()
    {
        var ports = new Ports();
        var user = ports.AddUser();
        var idle = ports.AddSession(user, "Forgotten tablet");
        var used = ports.AddSession(user, "Laptop");
        ports.Time.Advance(Ports.IdleLifetime);
        used.Touch(ports.Now);
        ports.ActiveSessionsAre(user, idle, used);
        ports.Time.Advance(TimeSpan.FromMinutes(1));
        var handler = ports.Handler<ListSessionsHandler>();

        var views = (await handler.Handle(new ListSessionsQuery(user.Id, used.Id), CancellationToken.None)).Items;

        Assert.That(views.Select(v => v.Id), Is.EqualTo(new[] { used.Id }));
    }

    [Test]
    public async Task A_page_holds_its_share_of_the_sessions_and_the_total_counts_them_all()
    {
        var ports = new Ports();
        var user = ports.AddUser();
        var sessions = Enumerable.Range(0, 5).Select(i =>
        {
            var session = ports.AddSession(user, $"Device {i}");
            session.Touch(ports.Now.AddMinutes(i));
            return session;
        }).ToArray();
        ports.ActiveSessionsAre(user, sessions);
        ports.Time.Advance(TimeSpan.FromHours(1));
        var handler = ports.Handler<ListSessionsHandler>();

        var second = await handler.Handle(new ListSessionsQuery(user.Id, sessions[0].Id, Page: 2, PageSize: 2), CancellationToken.None);
        var beyond = await handler.Handle(new ListSessionsQuery(user.Id, sessions[0].Id, Page: 4, PageSize: 2), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(second.Items.Select(v => v.UserAgent), Is.EqualTo(new[] { "Device 2", "Device 1" }));
            Assert.That((second.Total, second.PageNumber, second.PageSize), Is.EqualTo((5, 2, 2)));
            Assert.That(beyond.Items, Is.Empty);
            Assert.That(beyond.Total, Is.EqualTo(5));
        });
    }
}
