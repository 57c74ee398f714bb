using Auth.Domain.Mfa;
using Auth.Domain.Users;

namespace Auth.UnitTests.Domain.Mfa;

public sealed class UserTotpTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static User Enrolled()
    {
        var user = User.Register("ada@example.com", "Ada", "hash", Now);
        user.StartTotpEnrolment("v1.secret", Now);
        user.EnableTotp(100, Now);
        return user;
    }

    [Test]
    public void Enabling_moves_the_pending_secret_in_draws_a_new_stamp_and_tells_the_owner()
    {
        var user = User.Register("ada@example.com", "Ada", "hash", Now);
        var stamp = user.SecurityStamp;
        user.StartTotpEnrolment("v1.secret", Now);

        user.EnableTotp(100, Now);

        Assert.Multiple(() =>
        {
            Assert.That(user.HasMfa, Is.True);
            Assert.That(user.TotpSecret, Is.EqualTo("v1.secret"));
            Assert.That(user.PendingTotpSecret, Is.Null);
            Assert.That(user.TotpLastUsedStep, Is.EqualTo(100));
            Assert.That(user.SecurityStamp, Is.Not.EqualTo(stamp));
            Assert.That(user.DomainEvents.OfType<TotpEnabled>().Single().Email, Is.EqualTo("ada@example.com"));
        });
    }

    [Test]
    public void Enabling_without_a_pending_enrolment_is_a_bug() =>
        Assert.Throws<InvalidOperationException>(() => User.Register("a@example.com", "A", "hash", Now).EnableTotp(1, Now));

    [Test]
    public void A_step_is_spent_once_and_never_an_earlier_one()
    {
        var user = Enrolled();

        Assert.Multiple(() =>
        {
            Assert.That(user.UseTotpStep(100), Is.False, "the confirming code's step");
            Assert.That(user.UseTotpStep(101), Is.True);
            Assert.That(user.UseTotpStep(101), Is.False);
            Assert.That(user.UseTotpStep(99), Is.False);
        });
    }

    [Test]
    public void Disabling_forgets_the_secret_and_names_who_did_it()
    {
        var user = Enrolled();

        Assert.That(user.DisableTotp(MfaChangeGrounds.ByAdmin, Now), Is.True);

        Assert.That(user.HasMfa, Is.False);
        Assert.That(user.TotpSecret, Is.Null);
        Assert.That(user.DomainEvents.OfType<TotpDisabled>().Single().Grounds, Is.EqualTo(MfaChangeGrounds.ByAdmin));
        Assert.That(user.DisableTotp(MfaChangeGrounds.ByOwner, Now), Is.False, "already off");
    }
}
