using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Domain.Users;

public class UserTests
{
    private static readonly DateTimeOffset Now = TestClock.Start;

    [Test]
    public void Register_keeps_the_email_as_typed_but_trimmed_and_a_normalized_key()
    {
        var user = User.Register("  Ada@Example.COM ", "Ada", "hash", Now);

        Assert.Multiple(() =>
        {
            Assert.That(user.Email, Is.EqualTo("Ada@Example.COM"));
            Assert.That(user.NormalizedEmail, Is.EqualTo("ada@example.com"));
        });
    }

    [Test]
    public void Register_cleans_the_name_and_stores_the_hash_and_times()
    {
        var user = User.Register("ada@example.com", "  Ada Lovelace ", "$argon2id$hash", Now);

        Assert.Multiple(() =>
        {
            Assert.That(user.Name, Is.EqualTo("Ada Lovelace"));
            Assert.That(user.PasswordHash, Is.EqualTo("$argon2id$hash"));
            Assert.That(user.EmailConfirmed, Is.False);
            Assert.That(user.CreatedAt, Is.EqualTo(Now));
            Assert.That(user.UpdatedAt, Is.EqualTo(Now));
        });
    }

    [Test]
    public void Register_gives_a_time_ordered_version_7_id()
    {
        var first = User.Register("a@example.com", "A", "h", Now);
        var second = User.Register("b@example.com", "B", "h", Now.AddSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(first.Id.Version, Is.EqualTo(7));
            Assert.That(first.Id, Is.Not.EqualTo(second.Id));
            Assert.That(first.Id.CompareTo(second.Id), Is.LessThan(0));
        });
    }

    [Test]
    public void Rename_cleans_the_name_and_bumps_UpdatedAt_only()
    {
        var user = User.Register("ada@example.com", "Ada", "hash", Now);

        user.Rename("  Ada King ", Now.AddHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(user.Name, Is.EqualTo("Ada King"));
            Assert.That(user.UpdatedAt, Is.EqualTo(Now.AddHours(1)));
            Assert.That(user.CreatedAt, Is.EqualTo(Now));
        });
    }

    [Test]
    public void ReplacePasswordHash_stores_the_new_hash_and_bumps_UpdatedAt()
    {
        var user = User.Register("ada@example.com", "Ada", "old", Now);

        user.ReplacePasswordHash("new", Now.AddMinutes(5));

        Assert.Multiple(() =>
        {
            Assert.That(user.PasswordHash, Is.EqualTo("new"));
            Assert.That(user.UpdatedAt, Is.EqualTo(Now.AddMinutes(5)));
            Assert.That(user.CreatedAt, Is.EqualTo(Now));
        });
    }

    [Test]
    public void The_weak_password_notice_is_noted_once_until_the_password_is_replaced()
    {
        var user = User.Register("ada@example.com", "Ada", "old", Now);

        var first = user.NoteWeakPasswordNotice(Now);
        var again = user.NoteWeakPasswordNotice(Now.AddDays(1));
        user.ReplacePasswordHash("new", Now.AddDays(2));
        var afterChange = user.NoteWeakPasswordNotice(Now.AddDays(3));

        Assert.That(new[] { first, again, afterChange }, Is.EqualTo(new[] { true, false, true }));
        Assert.That(user.WeakPasswordNoticeSentAt, Is.EqualTo(Now.AddDays(3)));
    }
}
