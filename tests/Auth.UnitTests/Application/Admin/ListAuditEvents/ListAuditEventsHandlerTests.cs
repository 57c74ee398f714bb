using Auth.Application.Abstractions;
using Auth.Application.Admin.ListAuditEvents;
using Auth.Domain.Audit;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Admin.ListAuditEvents;

public class ListAuditEventsHandlerTests
{
    [Test]
    public async Task The_filter_and_paging_pass_through_and_every_entry_field_is_mapped()
    {
        var ports = new Ports();
        var userId = Guid.NewGuid();
        var actorId = Guid.NewGuid();
        var sessionId = Guid.NewGuid();
        var from = TestClock.Start.AddDays(-7);
        var to = TestClock.Start;
        var newer = new AuditEntry(Guid.CreateVersion7(TestClock.Start), TestClock.Start, "RoleGranted", userId, actorId, null, "198.51.100.1", "Admin/1.0");
        var older = new AuditEntry(Guid.CreateVersion7(TestClock.Start.AddHours(-1)), TestClock.Start.AddHours(-1), "LoginSucceeded", userId, null, sessionId, null, null);
        ports.AuditLog.Setup(a => a.ListAsync(It.IsAny<AuditFilter>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(([newer, older], 57));

        var page = await ports.Handler<ListAuditEventsHandler>()
            .Handle(new ListAuditEventsQuery(userId, "RoleGranted", from, to, 2, 25), CancellationToken.None);

        ports.AuditLog.Verify(a => a.ListAsync(new AuditFilter(userId, "RoleGranted", from, to), 2, 25, It.IsAny<CancellationToken>()), Times.Once());
        Assert.Multiple(() =>
        {
            Assert.That(page.Total, Is.EqualTo(57));
            Assert.That(page.PageNumber, Is.EqualTo(2));
            Assert.That(page.PageSize, Is.EqualTo(25));
            Assert.That(page.Items, Is.EqualTo(new[]
            {
                new AuditEventView(newer.Id, TestClock.Start, "RoleGranted", userId, actorId, null, "198.51.100.1", "Admin/1.0"),
                new AuditEventView(older.Id, TestClock.Start.AddHours(-1), "LoginSucceeded", userId, null, sessionId, null, null),
            }));
        });
    }

    [Test]
    public async Task No_filter_passes_an_empty_filter()
    {
        var ports = new Ports();
        ports.AuditLog.Setup(a => a.ListAsync(It.IsAny<AuditFilter>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(([], 0));

        var page = await ports.Handler<ListAuditEventsHandler>()
            .Handle(new ListAuditEventsQuery(null, null, null, null, 1, 50), CancellationToken.None);

        ports.AuditLog.Verify(a => a.ListAsync(new AuditFilter(null, null, null, null), 1, 50, It.IsAny<CancellationToken>()), Times.Once());
        Assert.Multiple(() =>
        {
            Assert.That(page.Items, Is.Empty);
            Assert.That(page.Total, Is.Zero);
        });
    }
}
