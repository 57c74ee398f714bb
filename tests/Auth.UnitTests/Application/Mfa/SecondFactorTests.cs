using Auth.Application.Common.Authentication;
using Auth.Domain.Mfa;
using Auth.Domain.Users;
using Auth.UnitTests.Support;

namespace Auth.UnitTests.Application.Mfa;

/// <summary>TOTP per RFC 6238 (one step of drift either side, each step once) and single-use recovery codes.</summary>
public sealed class SecondFactorTests
{
    private Ports ports = null!;
    private SecondFactor secondFactor = null!;
    private User user = null!;
    private string secret = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        user = ports.AddUserWithTotp(out secret);
        secondFactor = ports.SecondFactor();
    }

    [Test]
    public async Task The_current_code_proves_the_factor()
    {
        Assert.That(await secondFactor.ProveAsync(user, ports.Code(secret), ports.Now, CancellationToken.None), Is.True);
    }

    [TestCase(-30)]
    [TestCase(30)]
    public async Task A_code_one_step_away_is_accepted(int seconds)
    {
        var code = ports.Code(secret, ports.Now.AddSeconds(seconds));

        Assert.That(await secondFactor.ProveAsync(user, code, ports.Now, CancellationToken.None), Is.True);
    }

    [TestCase(-60)]
    [TestCase(60)]
    public async Task A_code_two_steps_away_is_refused(int seconds)
    {
        var code = ports.Code(secret, ports.Now.AddSeconds(seconds));

        Assert.That(await secondFactor.ProveAsync(user, code, ports.Now, CancellationToken.None), Is.False);
    }

    [Test]
    public async Task A_code_works_once()
    {
        var code = ports.Code(secret);
        await secondFactor.ProveAsync(user, code, ports.Now, CancellationToken.None);

        Assert.That(await secondFactor.ProveAsync(user, code, ports.Now, CancellationToken.None), Is.False);
    }

    [Test]
    public async Task After_a_code_is_used_the_code_of_the_step_before_is_refused_too()
    {
        await secondFactor.ProveAsync(user, ports.Code(secret, ports.Now.AddSeconds(30)), ports.Now, CancellationToken.None);

        Assert.That(await secondFactor.ProveAsync(user, ports.Code(secret), ports.Now, CancellationToken.None), Is.False);
    }

    [TestCase("12345")]
    [TestCase("1234567")]
    [TestCase("abcdef")]
    public async Task A_code_of_the_wrong_shape_is_refused(string code)
    {
        Assert.That(await secondFactor.ProveAsync(user, code, null, ports.Now, CancellationToken.None), Is.False);
    }

    [Test]
    public async Task An_account_without_totp_proves_nothing()
    {
        var plain = ports.AddUser("plain@example.com");

        Assert.That(await secondFactor.ProveAsync(plain, ports.Code(secret), ports.Now, CancellationToken.None), Is.False);
    }

    [Test]
    public async Task A_recovery_code_works_once_in_any_case_with_or_without_dashes_and_reports_what_is_left()
    {
        var code = ports.IssuedRecoveryCodes[2];

        var first = await secondFactor.ProveAsync(user, null, code.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant(), ports.Now, CancellationToken.None);
        var again = await secondFactor.ProveAsync(user, null, code, ports.Now, CancellationToken.None);

        Assert.That(first, Is.True);
        Assert.That(again, Is.False);
        Assert.That(user.DomainEvents.OfType<RecoveryCodeUsed>().Single().Left, Is.EqualTo(9));
        Assert.That(ports.Mfa.Codes.Count(c => c.IsUsed), Is.EqualTo(1));
    }

    [Test]
    public async Task A_made_up_recovery_code_spends_nothing()
    {
        Assert.That(await secondFactor.ProveAsync(user, null, "0000-0000-0000", ports.Now, CancellationToken.None), Is.False);
        Assert.That(ports.Mfa.Codes.Count(c => c.IsUsed), Is.Zero);
    }

    [Test]
    public async Task In_a_single_field_six_digits_are_a_totp_code_and_anything_else_a_recovery_code()
    {
        Assert.That(await secondFactor.ProveAsync(user, ports.IssuedRecoveryCodes[0], ports.Now, CancellationToken.None), Is.True);
        Assert.That(await secondFactor.ProveAsync(user, ports.Code(secret), ports.Now, CancellationToken.None), Is.True);
    }

    [Test]
    public void Recovery_codes_are_ten_distinct_codes_of_sixty_bits_stored_only_as_hashes()
    {
        Assert.That(ports.IssuedRecoveryCodes, Has.Count.EqualTo(RecoveryCode.SetSize).And.Unique);
        Assert.That(ports.IssuedRecoveryCodes.Select(RecoveryCodes.Normalize), Has.All.Length.EqualTo(12));
        Assert.That(ports.Mfa.Codes.Select(c => c.Hash), Has.None.AnyOf(ports.IssuedRecoveryCodes.Select(RecoveryCodes.Normalize)));
    }
}
