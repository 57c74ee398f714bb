using Auth.Domain.Mfa;

namespace Auth.UnitTests.Domain.Mfa;

public sealed class MfaChallengeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static MfaChallenge Issue() =>
        MfaChallenge.Issue("hash", Guid.NewGuid(), MfaChallengePurpose.SignIn, null, "Browser/1.0", Now, TimeSpan.FromMinutes(5));

    [Test]
    public void It_is_usable_by_its_client_for_its_purpose_until_it_expires()
    {
        var challenge = Issue();

        Assert.Multiple(() =>
        {
            Assert.That(challenge.IsUsable(MfaChallengePurpose.SignIn, "Browser/1.0", Now.AddMinutes(4)), Is.True);
            Assert.That(challenge.IsUsable(MfaChallengePurpose.SignIn, "Browser/1.0", Now.AddMinutes(5)), Is.False);
            Assert.That(challenge.IsUsable(MfaChallengePurpose.Enrolment, "Browser/1.0", Now), Is.False);
            Assert.That(challenge.IsUsable(MfaChallengePurpose.SignIn, "Other/1.0", Now), Is.False);
            Assert.That(challenge.IsUsable(MfaChallengePurpose.SignIn, null, Now), Is.False);
        });
    }

    [Test]
    public void The_last_allowed_wrong_code_spends_it()
    {
        var challenge = Issue();
        for (var i = 0; i < 4; i++)
        {
            challenge.Fail(5, Now);
        }

        Assert.That(challenge.IsUsable(MfaChallengePurpose.SignIn, "Browser/1.0", Now), Is.True);
        challenge.Fail(5, Now);
        Assert.That(challenge.IsUsable(MfaChallengePurpose.SignIn, "Browser/1.0", Now), Is.False);
    }

    [Test]
    public void A_spent_challenge_keeps_its_first_time()
    {
        var challenge = Issue();
        challenge.Spend(Now);

        challenge.Spend(Now.AddMinutes(1));

        Assert.That(challenge.SpentAt, Is.EqualTo(Now));
    }
}
