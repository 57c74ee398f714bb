using Auth.Domain.Passkeys;

namespace Auth.UnitTests.Domain.Passkeys;

/// <summary>The signature counter: a device-bound key's only goes up; a synced passkey's says nothing and is not checked.</summary>
public sealed class PasskeyCounterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static Passkey Registered(bool synced, uint signCount) =>
        Passkey.Register(Guid.NewGuid(), new NewPasskey([1, 2, 3], [4], signCount, synced, synced, ["internal"], Guid.Empty), null, Now);

    [TestCase(0u, 0u, true, TestName = "An authenticator without a counter keeps reporting zero")]
    [TestCase(5u, 6u, true, TestName = "A higher counter is accepted")]
    [TestCase(5u, 5u, false, TestName = "The same counter again is refused")]
    [TestCase(5u, 4u, false, TestName = "A lower counter is refused")]
    [TestCase(5u, 0u, false, TestName = "Zero after a counter started is refused")]
    public void A_device_bound_key(uint stored, uint presented, bool accepted) =>
        Assert.That(Registered(synced: false, stored).AcceptsCounter(presented), Is.EqualTo(accepted));

    [Test]
    public void A_synced_passkey_accepts_any_counter_since_each_copy_keeps_its_own() =>
        Assert.That(Registered(synced: true, 5).AcceptsCounter(2), Is.True);

    [Test]
    public void Use_moves_the_counter_forward_never_back_and_records_the_backup_state()
    {
        var passkey = Registered(synced: true, 5);

        passkey.Used(2, backedUp: false, Now.AddMinutes(1));

        Assert.That(passkey.SignCount, Is.EqualTo(5));
        Assert.That(passkey.BackedUp, Is.False);
        Assert.That(passkey.LastUsedAt, Is.EqualTo(Now.AddMinutes(1)));
    }

    [Test]
    public void A_passkey_without_a_name_is_named_for_what_it_is() =>
        Assert.That(new[] { Registered(false, 0).Name, Registered(true, 0).Name }, Is.EqualTo(new[] { "Passkey on this device", "Synced passkey" }));
}
