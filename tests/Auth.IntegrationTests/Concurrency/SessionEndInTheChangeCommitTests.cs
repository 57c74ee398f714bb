using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Auth.Api.Contracts;
using Auth.IntegrationTests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Auth.IntegrationTests.Concurrency;

/// <summary>
/// A change that ends sessions ends them in its own commit: a login that commits while a password reset is being
/// made is ended even when nothing of the reset runs after its commit, as when the process stops right there.
/// Deterministic: the login runs at the moment the reset lists the account's sessions.
/// </summary>
public sealed class SessionEndInTheChangeCommitTests
{
    [Test]
    public async Task A_login_committed_while_a_reset_was_made_is_ended_by_the_reset_commit_itself()
    {
        await using var factory = new AuthApiFactory();
        using var setup = factory.CreateClient();
        var user = await setup.SignUpAsync();
        await setup.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });
        var token = await factory.TokenMailedToAsync(user.Email, 2);

        var stop = new LoginWhileSessionsListed(user.Auth.User.Id);
        var stopping = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services => TestDatabase.AddInterceptor(services, stop)));
        using var client = stopping.CreateClient();
        stop.Login = () => client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });

        var reset = await client.PostAsJsonAsync("/auth/password/reset", new { token, newPassword = "a brand new passphrase" });
        var login = await stop.LoginRun!;
        var loginBody = await login.Content.ReadAsStringAsync();

        Assert.That(stop.StoppedAfterCommit, Is.True, $"the reset never committed: {reset.StatusCode}");
        await stopping.DisposeAsync();

        // A restart on the same database: what the reset committed is all there is.
        await using var restarted = new AuthApiFactory(factory.Database);
        using var after = restarted.CreateClient();
        var newPassword = await after.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "a brand new passphrase" });
        Assert.That(newPassword.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the reset committed");
        Assert.That(login.StatusCode, Is.AnyOf(HttpStatusCode.OK, HttpStatusCode.Unauthorized), loginBody);
        if (login.StatusCode == HttpStatusCode.OK)
        {
            var auth = System.Text.Json.JsonSerializer.Deserialize<AuthResponse>(loginBody, System.Text.Json.JsonSerializerOptions.Web)!;
            var me = await after.GetUserAsync(auth.AccessToken);
            var refresh = await after.PostAsJsonAsync("/auth/refresh", new { refreshToken = auth.RefreshToken });
            Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the access token outlived the reset");
            Assert.That(refresh.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the session outlived the reset");
        }
    }

    /// <summary>
    /// When the reset has read the account's sessions, a login runs: to its end where the database lets it commit
    /// (the reset holds no transaction yet), otherwise alongside. Then the reset's own commit is the last thing it
    /// does: the interceptor throws once it returns, as a process stopping there would leave things.
    /// </summary>
    private sealed class LoginWhileSessionsListed(Guid userId) : DbCommandInterceptor, IDbTransactionInterceptor
    {
        private DbContext? change;

        public Func<Task<HttpResponseMessage>>? Login { get; set; }

        public Task<HttpResponseMessage>? LoginRun { get; private set; }

        public bool StoppedAfterCommit { get; private set; }

        public override async ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
        {
            if (Login is not null && LoginRun is null && ListsSessionsOf(command))
            {
                change = eventData.Context;
                LoginRun = Task.Run(Login);
                if (command.Transaction is null)
                {
                    await LoginRun;
                }
            }

            return result;
        }

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (change is not null && ReferenceEquals(eventData.Context, change) && !StoppedAfterCommit)
            {
                StoppedAfterCommit = true;
                throw new InvalidOperationException("The process stopped right after the reset's commit.");
            }

            return Task.CompletedTask;
        }

        private bool ListsSessionsOf(DbCommand command) =>
            command.CommandText.Contains("FROM \"Sessions\"", StringComparison.Ordinal)
            && command.Parameters.Cast<DbParameter>().Any(p => string.Equals(p.Value?.ToString(), userId.ToString(), StringComparison.OrdinalIgnoreCase));
    }
}
