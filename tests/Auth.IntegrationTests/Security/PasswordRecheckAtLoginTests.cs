using System.Net;
using System.Net.Http.Json;
using Auth.Application.Abstractions;
using Auth.Domain.Users;
using Auth.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.IntegrationTests.Security;

/// <summary>A password accepted before the policy refused it still signs in, but the answer and one mail say to change it.</summary>
public sealed class PasswordRecheckAtLoginTests
{
    private const string OldWeakPassword = "Password123!";

    private AuthApiFactory factory = null!;
    private HttpClient client = null!;

    [SetUp]
    public void Start()
    {
        factory = new AuthApiFactory();
        client = factory.CreateClient();
    }

    [TearDown]
    public async Task Stop()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Test]
    public async Task A_login_with_a_now_refused_password_succeeds_flagged_and_mails_the_user_once()
    {
        var email = await AddUserWithPasswordAsync(OldWeakPassword);

        var first = await client.PostAsJsonAsync("/auth/login", new { email, password = OldWeakPassword });
        var second = await client.PostAsJsonAsync("/auth/login", new { email, password = OldWeakPassword });
        // A later mail: the dispatcher sends in order, so a second notice would arrive before it.
        await client.PostAsJsonAsync("/auth/password/forgot", new { email });
        // The second login also comes from a device the account does not know yet, which mails its own alert.
        var mails = (await factory.WaitForAsync(email, count: 3)).Where(m => m.Subject != "New sign-in to your account").ToList();

        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await first.ReadJsonAsync()).GetProperty("passwordChangeRequired").GetBoolean(), Is.True);
            Assert.That((await second.ReadJsonAsync()).GetProperty("passwordChangeRequired").GetBoolean(), Is.True);
            Assert.That(mails.Select(m => m.Subject), Is.EqualTo(new[] { "Please choose a new password", "Reset your password" }));
            Assert.That(mails[0].TextBody, Does.Not.Contain(OldWeakPassword));
        });
    }

    [Test]
    public async Task After_a_change_the_login_is_no_longer_flagged()
    {
        var email = await AddUserWithPasswordAsync(OldWeakPassword);
        var login = await (await client.PostAsJsonAsync("/auth/login", new { email, password = OldWeakPassword })).ReadJsonAsync();

        var change = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/user/password", login.GetProperty("accessToken").GetString()!,
            new { currentPassword = OldWeakPassword, newPassword = ApiClientExtensions.Password });
        var after = await (await client.PostAsJsonAsync("/auth/login", new { email, password = ApiClientExtensions.Password })).ReadJsonAsync();

        Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(after.GetProperty("passwordChangeRequired").GetBoolean(), Is.False);
    }

    [Test]
    public async Task A_good_password_logs_in_unflagged_and_a_wrong_one_is_not_judged()
    {
        var user = await client.SignUpAsync();

        var good = await (await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password })).ReadJsonAsync();
        var wrong = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "password" });

        Assert.That(good.GetProperty("passwordChangeRequired").GetBoolean(), Is.False);
        await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Test]
    public async Task An_account_with_a_second_factor_is_judged_at_the_password_step_and_flagged_at_verify()
    {
        await using var mfaFactory = MfaFlows.CreateFactory();
        using var mfaClient = mfaFactory.CreateClient();
        var user = await mfaFactory.SignUpWithTotpAsync(mfaClient);
        await SetPasswordAsync(mfaFactory, user.Email, OldWeakPassword);

        var mfaToken = await mfaClient.LoginForMfaTokenAsync(user.Email, OldWeakPassword);
        var verified = await mfaClient.VerifyAsync(mfaToken, mfaFactory.CodeNow(user.Secret));
        // A later mail: the dispatcher sends in order, so once it is there the notice (raised before) is too.
        await mfaClient.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });
        var mails = await WaitForSubjectAsync(mfaFactory, user.Email, "Reset your password");

        Assert.Multiple(async () =>
        {
            Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await verified.ReadJsonAsync()).GetProperty("passwordChangeRequired").GetBoolean(), Is.True);
            Assert.That(user.Auth.PasswordChangeRequired, Is.False, "the strong password's sign-in was not flagged");
            Assert.That(mails.Select(m => m.Subject), Has.Exactly(1).EqualTo("Please choose a new password"));
        });
    }

    private static async Task<IReadOnlyList<MimeKit.MimeMessage>> WaitForSubjectAsync(AuthApiFactory target, string email, string subject)
    {
        for (var count = 1; ; count++)
        {
            var mails = await target.WaitForAsync(email, count);
            if (mails.Any(m => m.Subject == subject))
            {
                return mails;
            }
        }
    }

    /// <summary>Replaces the account's password hash in place, as if it had been set before the policy refused it.</summary>
    private static async Task SetPasswordAsync(AuthApiFactory target, string email, string password)
    {
        await using var scope = target.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = (await services.GetRequiredService<IUserRepository>().FindByEmailAsync(Email.Normalize(email), CancellationToken.None))!;
        user.UpgradePasswordHash(await services.GetRequiredService<IPasswordHasher>().HashAsync(password, CancellationToken.None), DateTimeOffset.UtcNow);
        Assert.That((await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None)).IsSuccess, Is.True);
    }

    /// <summary>An account whose password was accepted before the policy refused it (an older list, a new breach).</summary>
    private async Task<string> AddUserWithPasswordAsync(string password)
    {
        var email = ApiClientExtensions.NewEmail();
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var hash = await services.GetRequiredService<IPasswordHasher>().HashAsync(password, CancellationToken.None);
        services.GetRequiredService<IUserRepository>().Add(User.Register(email, "Ada Lovelace", hash, DateTimeOffset.UtcNow));
        Assert.That((await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None)).IsSuccess, Is.True);
        return email;
    }
}
