using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Domain.Users;

public class AccountTokenTests
{
    private static readonly DateTimeOffset Now = TestClock.Start;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private AccountToken token = null!;
    private readonly Guid userId = Guid.NewGuid();

    [SetUp]
    public void SetUp() => token = AccountToken.Issue("hash", userId, AccountTokenPurpose.PasswordReset, Now, Lifetime);

    [Test]
    public void Issue_keeps_the_hash_owner_purpose_and_lifetime()
    {
        Assert.Multiple(() =>
        {
            Assert.That(token.Hash, Is.EqualTo("hash"));
            Assert.That(token.UserId, Is.EqualTo(userId));
            Assert.That(token.Purpose, Is.EqualTo(AccountTokenPurpose.PasswordReset));
            Assert.That(token.CreatedAt, Is.EqualTo(Now));
            Assert.That(token.ExpiresAt, Is.EqualTo(Now + Lifetime));
            Assert.That(token.UsedAt, Is.Null);
        });
    }

    [Test]
    public void A_fresh_token_is_usable_for_its_purpose_until_just_before_expiry()
    {
        Assert.Multiple(() =>
        {
            Assert.That(token.IsUsable(AccountTokenPurpose.PasswordReset, Now), Is.True);
            Assert.That(token.IsUsable(AccountTokenPurpose.PasswordReset, Now + Lifetime - TimeSpan.FromTicks(1)), Is.True);
        });
    }

    [Test]
    public void A_token_is_not_usable_from_its_expiry_on() =>
        Assert.That(token.IsUsable(AccountTokenPurpose.PasswordReset, Now + Lifetime), Is.False);

    [Test]
    public void A_token_is_not_usable_for_another_purpose() =>
        Assert.That(token.IsUsable(AccountTokenPurpose.EmailConfirmation, Now), Is.False);

    [Test]
    public void Use_works_once_and_keeps_the_first_time()
    {
        var first = token.Use(Now.AddMinutes(1));
        var second = token.Use(Now.AddMinutes(2));

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.True);
            Assert.That(second, Is.False);
            Assert.That(token.UsedAt, Is.EqualTo(Now.AddMinutes(1)));
            Assert.That(token.IsUsable(AccountTokenPurpose.PasswordReset, Now.AddMinutes(3)), Is.False);
        });
    }
}
