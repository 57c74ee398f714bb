using Auth.Application.Users.Common;
using Auth.Domain.Users;
using Auth.UnitTests.Support;
using Moq;

namespace Auth.UnitTests.Application.Users.Common;

public class AccountTokensTests
{
    private Ports ports = null!;
    private AccountTokens tokens = null!;
    private User user = null!;

    [SetUp]
    public void SetUp()
    {
        ports = new Ports();
        tokens = ports.AccountTokens();
        user = ports.AddUser();
    }

    [Test]
    public void Issue_stores_only_the_hash_and_returns_the_value_to_mail()
    {
        var value = tokens.Issue(user.Id, AccountTokenPurpose.PasswordReset, ports.Now, TimeSpan.FromMinutes(30));

        var stored = ports.AddedAccountTokens.Single();
        Assert.Multiple(() =>
        {
            Assert.That(value, Is.EqualTo("refresh-1"));
            Assert.That(stored.Hash, Is.EqualTo("hash:refresh-1"));
            Assert.That(stored.Hash, Is.Not.EqualTo(value));
            Assert.That(stored.UserId, Is.EqualTo(user.Id));
            Assert.That(stored.Purpose, Is.EqualTo(AccountTokenPurpose.PasswordReset));
            Assert.That(stored.CreatedAt, Is.EqualTo(ports.Now));
            Assert.That(stored.ExpiresAt, Is.EqualTo(ports.Now + TimeSpan.FromMinutes(30)));
            Assert.That(stored.UsedAt, Is.Null);
        });
    }

    [Test]
    public async Task Redeem_finds_a_valid_token_by_its_hash_and_marks_it_used()
    {
        var value = ports.IssueAccountToken(user, AccountTokenPurpose.EmailConfirmation);
        ports.Time.Advance(TimeSpan.FromHours(1));

        var token = await tokens.RedeemAsync(value, AccountTokenPurpose.EmailConfirmation, ports.Now, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(token, Is.SameAs(ports.AddedAccountTokens.Single()));
            Assert.That(token!.UsedAt, Is.EqualTo(ports.Now));
        });
    }

    [Test]
    public async Task Redeem_refuses_a_token_a_second_time()
    {
        var value = ports.IssueAccountToken(user, AccountTokenPurpose.EmailConfirmation);
        await tokens.RedeemAsync(value, AccountTokenPurpose.EmailConfirmation, ports.Now, CancellationToken.None);
        var firstUse = ports.AddedAccountTokens.Single().UsedAt;
        ports.Time.Advance(TimeSpan.FromMinutes(1));

        var again = await tokens.RedeemAsync(value, AccountTokenPurpose.EmailConfirmation, ports.Now, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.Null);
            Assert.That(ports.AddedAccountTokens.Single().UsedAt, Is.EqualTo(firstUse), "the first use is kept");
        });
    }

    [Test]
    public async Task Redeem_refuses_a_token_at_its_expiry_and_leaves_it_unused()
    {
        var value = ports.IssueAccountToken(user, AccountTokenPurpose.PasswordReset);
        ports.Time.Advance(Ports.ResetLifetime);

        var token = await tokens.RedeemAsync(value, AccountTokenPurpose.PasswordReset, ports.Now, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(token, Is.Null);
            Assert.That(ports.AddedAccountTokens.Single().UsedAt, Is.Null);
        });
    }

    [Test]
    public async Task Redeem_accepts_a_token_just_before_its_expiry()
    {
        var value = ports.IssueAccountToken(user, AccountTokenPurpose.PasswordReset);
        ports.Time.Advance(Ports.ResetLifetime - TimeSpan.FromSeconds(1));

        Assert.That(
            await tokens.RedeemAsync(value, AccountTokenPurpose.PasswordReset, ports.Now, CancellationToken.None),
            Is.Not.Null);
    }

    [Test]
    public async Task Redeem_refuses_a_token_issued_for_another_purpose_without_spending_it()
    {
        var value = ports.IssueAccountToken(user, AccountTokenPurpose.EmailConfirmation);

        var token = await tokens.RedeemAsync(value, AccountTokenPurpose.PasswordReset, ports.Now, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(token, Is.Null);
            Assert.That(ports.AddedAccountTokens.Single().UsedAt, Is.Null);
        });
    }

    [Test]
    public async Task Redeem_of_an_unknown_value_looks_up_its_hash_and_finds_nothing()
    {
        var token = await tokens.RedeemAsync("made-up", AccountTokenPurpose.PasswordReset, ports.Now, CancellationToken.None);

        Assert.That(token, Is.Null);
        ports.AccountTokenRepository.Verify(r => r.FindAsync("hash:made-up", It.IsAny<CancellationToken>()), Times.Once());
    }
}
