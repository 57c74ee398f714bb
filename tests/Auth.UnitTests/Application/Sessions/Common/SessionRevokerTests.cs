using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Sessions.Common;

public class SessionRevokerTests
{
    private Ports ports = null!;
    private User user = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        user = ports.AddUser();
    }

    [Test]
    public async Task EndAll_ends_every_active_session_in_the_unit_of_work_but_publishes_nothing()
    {
        var first = ports.AddSession(user);
        var second = ports.AddSession(user);
        ports.ActiveSessionsAre(user, first, second);
        ports.Time.Advance(TimeSpan.FromMinutes(3));
        var revoker = ports.SessionRevoker();

        var revocations = await revoker.EndAllAsync(user.Id, SessionEndReason.EndedByAdmin, ports.Now, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(revocations.Select(r => r.SessionId), Is.EquivalentTo(new[] { first.Id, second.Id }));
            Assert.That(ports.AddedRevocations, Is.EquivalentTo(revocations));
            Assert.That(first.EndedAt, Is.EqualTo(ports.Now));
            Assert.That(second.EndReason, Is.EqualTo(SessionEndReason.EndedByAdmin));
            Assert.That(ports.Revoked, Is.Empty);
        });
        ports.Sessions.Verify(s => s.ListActiveAsync(user.Id, ports.Now, It.IsAny<CancellationToken>()), Times.Once());
    }

    [Test]
    public async Task Publish_hands_each_revocation_to_the_revocation_list()
    {
        var session = ports.AddSession(user);
        ports.ActiveSessionsAre(user, session);
        var revoker = ports.SessionRevoker();
        var revocations = await revoker.EndAllAsync(user.Id, SessionEndReason.AccountDisabled, ports.Now, CancellationToken.None);

        revoker.Publish(revocations);

        Assert.That(ports.Revoked, Is.EqualTo(new[] { (session.Id, ports.RevocationExpiry) }));
    }
}
