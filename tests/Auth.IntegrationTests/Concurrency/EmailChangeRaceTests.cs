using System.Net;
using System.Net.Http.Json;
using Auth.Application.Abstractions;
using Auth.Domain.Users;
using Auth.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.IntegrationTests.Concurrency;

/// <summary>
/// Email changes racing what else can claim the address or the account at the same moment: requests released
/// together, many trials, no sleeps. The database decides, so every outcome must be one of the allowed ones.
/// </summary>
public sealed class EmailChangeRaceTests
{
    private const int Trials = 8;

    private AuthApiFactory factory = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new AuthApiFactory();
        client = factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Test]
    public async Task Of_two_accounts_confirming_the_same_address_at_once_exactly_one_gets_it_and_the_other_409_email_taken()
    {
        for (var trial = 0; trial < Trials; trial++)
        {
            var contested = ApiClientExtensions.NewEmail();
            var first = await client.SignUpAsync();
            var second = await client.SignUpAsync();
            await client.RequestEmailChangeAsync(first, contested);
            await client.RequestEmailChangeAsync(second, contested);
            var links = await factory.WaitForSubjectAsync(contested, EmailChangeSteps.ConfirmSubject, count: 2);

            var responses = await RaceAsync(
                () => client.ConfirmEmailChangeAsync(links[0].Token()),
                () => client.ConfirmEmailChangeAsync(links[1].Token()));

            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.NoContent), Is.EqualTo(1), $"trial {trial}");
            await responses.Single(r => r.StatusCode != HttpStatusCode.NoContent).AssertProblemAsync(HttpStatusCode.Conflict, "email_taken");
            Assert.That(await AccountsWithAsync(contested), Is.EqualTo(1), $"trial {trial}");
        }
    }

    [Test]
    public async Task A_signup_racing_a_confirmation_for_the_same_address_lets_exactly_one_win()
    {
        for (var trial = 0; trial < Trials; trial++)
        {
            var contested = ApiClientExtensions.NewEmail();
            var user = await client.SignUpAsync();
            var (confirm, _) = await client.RequestEmailChangeLinksAsync(factory, user, contested);

            var responses = await RaceAsync(
                () => client.PostAsJsonAsync("/auth/signup", new { email = contested, password = ApiClientExtensions.Password, name = "Racer" }),
                () => client.ConfirmEmailChangeAsync(confirm));
            var (signup, confirmed) = (responses[0], responses[1]);

            var winners = (signup.StatusCode == HttpStatusCode.Created ? 1 : 0) + (confirmed.StatusCode == HttpStatusCode.NoContent ? 1 : 0);
            Assert.That(winners, Is.EqualTo(1), $"trial {trial}: signup {signup.StatusCode}, confirm {confirmed.StatusCode}");
            await (signup.StatusCode == HttpStatusCode.Created ? confirmed : signup).AssertProblemAsync(HttpStatusCode.Conflict, "email_taken");
            Assert.That(await AccountsWithAsync(contested), Is.EqualTo(1), $"trial {trial}");
        }
    }

    [Test]
    public async Task One_link_confirmed_twice_at_once_switches_once()
    {
        for (var trial = 0; trial < Trials; trial++)
        {
            var user = await client.SignUpAsync();
            var (confirm, _) = await client.RequestEmailChangeLinksAsync(factory, user, ApiClientExtensions.NewEmail());

            var responses = await RaceAsync(() => client.ConfirmEmailChangeAsync(confirm), () => client.ConfirmEmailChangeAsync(confirm));

            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.NoContent), Is.EqualTo(1), $"trial {trial}");
            await responses.Single(r => r.StatusCode != HttpStatusCode.NoContent).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
        }
    }

    [Test]
    public async Task A_confirmation_racing_its_cancel_ends_one_way_or_the_other_never_both()
    {
        for (var trial = 0; trial < Trials; trial++)
        {
            var user = await client.SignUpAsync();
            var newEmail = ApiClientExtensions.NewEmail();
            var (confirm, cancel) = await client.RequestEmailChangeLinksAsync(factory, user, newEmail);

            var responses = await RaceAsync(() => client.ConfirmEmailChangeAsync(confirm), () => client.CancelEmailChangeAsync(cancel));
            var (confirmed, cancelled) = (responses[0], responses[1]);
            var email = (await (await client.GetUserAsync(user.AccessToken)).ReadJsonAsync()).GetProperty("email").GetString();

            Assert.That(new[] { confirmed.StatusCode, cancelled.StatusCode }.Count(s => s == HttpStatusCode.NoContent), Is.EqualTo(1), $"trial {trial}");
            Assert.That(email, Is.EqualTo(confirmed.StatusCode == HttpStatusCode.NoContent ? newEmail : user.Email), $"trial {trial}");
            await (confirmed.StatusCode == HttpStatusCode.NoContent ? cancelled : confirmed).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_account_token");
        }
    }

    [Test]
    public async Task Requests_released_together_keep_to_the_cap_and_leave_exactly_one_pending_change()
    {
        // Six sessions of one account, each request held inside its password check until all six have read nothing
        // yet, then let go at once: without the requests being ordered, each would count none and all would pass.
        var (gatedFactory, gated, hasher) = Gated();
        await using var _ = gatedFactory;
        using var __ = gated;
        var user = await gated.SignUpAsync();
        var sessions = new List<SignedUpUser> { user };
        for (var i = 1; i < 6; i++)
        {
            sessions.Add(await gated.SignInAgainAsync(user));
        }

        hasher.Close();
        var requests = sessions.Select(s => gated.RequestEmailChangeAsync(s, ApiClientExtensions.NewEmail())).ToArray();
        await hasher.WaitUntilWaitingAsync(sessions.Count);
        hasher.Open();
        var responses = await Task.WhenAll(requests);

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Accepted), Is.EqualTo(3), string.Join(", ", responses.Select(r => r.StatusCode)));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Accepted))
        {
            await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_email_changes");
        }

        var pending = await factory.WithDatabaseAsync(db => db.AccountTokens.CountAsync(
            t => t.UserId == user.Auth.User.Id && t.Purpose == AccountTokenPurpose.EmailChange && t.UsedAt == null));
        Assert.That(pending, Is.EqualTo(1), "each request replaced the one before");
    }

    [Test]
    public async Task A_login_with_the_old_address_that_read_the_account_before_the_switch_cannot_start_a_session_after_it()
    {
        // Deterministic: the login is held inside its password check (it has read the account by the old address)
        // while the switch commits, then let go.
        var (gatedFactory, gated, hasher) = Gated();
        await using var _ = gatedFactory;
        using var __ = gated;
        var user = await gated.SignUpAsync();
        var (confirm, _) = await gated.RequestEmailChangeLinksAsync(factory, user, ApiClientExtensions.NewEmail());

        hasher.Close();
        var login = gated.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });
        await hasher.WaitUntilWaitingAsync(1);
        var confirmed = await gated.ConfirmEmailChangeAsync(confirm);
        hasher.Open();

        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await login).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    /// <summary>The same service and database, with a password hasher the test holds shut and lets go.</summary>
    private (WebApplicationFactory<Program> Factory, HttpClient Client, GatedPasswordHasher Hasher) Gated()
    {
        var gatedFactory = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton<GatedPasswordHasher>();
            services.AddSingleton<IPasswordHasher>(sp => sp.GetRequiredService<GatedPasswordHasher>());
        }));
        return (gatedFactory, gatedFactory.CreateClient(), gatedFactory.Services.GetRequiredService<GatedPasswordHasher>());
    }

    private Task<int> AccountsWithAsync(string email) =>
        factory.WithDatabaseAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == Email.Normalize(email)));

    /// <summary>The requests are built, then released together.</summary>
    private static async Task<HttpResponseMessage[]> RaceAsync(params Func<Task<HttpResponseMessage>>[] requests)
    {
        using var start = new SemaphoreSlim(0);
        var running = requests.Select(request => Task.Run(async () => { await start.WaitAsync(); return await request(); })).ToArray();
        start.Release(requests.Length);
        return await Task.WhenAll(running);
    }
}
