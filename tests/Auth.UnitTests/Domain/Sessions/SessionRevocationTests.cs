using Auth.Domain.Sessions;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Domain.Sessions;

public class SessionRevocationTests
{
    [Test]
    public void For_lasts_until_every_token_of_the_session_has_expired_plus_clock_skew()
    {
        var sessionId = Guid.NewGuid();
        var now = TestClock.Start;

        var revocation = SessionRevocation.For(sessionId, now, TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(revocation.SessionId, Is.EqualTo(sessionId));
            Assert.That(revocation.RevokedAt, Is.EqualTo(now));
            Assert.That(revocation.ExpiresAt, Is.EqualTo(now + TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(30)));
        });
    }
}
