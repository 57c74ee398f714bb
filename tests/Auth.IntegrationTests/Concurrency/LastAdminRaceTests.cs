using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Concurrency;

/// <summary>Two admins taking each other's power at the same moment must leave one admin, every time.</summary>
public sealed class LastAdminRaceTests
{
    private const int Trials = 10;

    [TestCase("roles/admin")]
    [TestCase("disable")]
    public async Task Two_admins_removing_each_other_at_once_leave_exactly_one_admin(string change)
    {
        var firstEmail = ApiClientExtensions.NewEmail();
        await using var factory = AdminFixture.CreateFactory(firstEmail);
        using var client = factory.CreateClient();
        var survivor = await factory.SignUpAdminAsync(client, firstEmail);

        for (var trial = 0; trial < Trials; trial++)
        {
            // Each trial starts from one admin, who makes a second: then each removes the other at once.
            var survivorToken = await client.LoginAsync(survivor.Email);
            var other = await client.SignUpAsync();
            await client.SendWithTokenAsync(HttpMethod.Post, $"/admin/users/{other.Auth.User.Id}/roles", survivorToken, new { role = "admin" });
            var otherToken = await client.LoginAsync(other.Email);

            using var start = new SemaphoreSlim(0);
            var one = Task.Run(async () => { await start.WaitAsync(); return await Send(client, change, other.Auth.User.Id, survivorToken); });
            var two = Task.Run(async () => { await start.WaitAsync(); return await Send(client, change, survivor.Auth.User.Id, otherToken); });
            start.Release(2);
            var answers = new[] { await one, await two };

            var admins = new List<SignedUpUser>();
            foreach (var candidate in new[] { survivor, other })
            {
                if (await IsAdminAsync(client, candidate))
                {
                    admins.Add(candidate);
                }
            }

            Assert.That(answers.Select(a => a.StatusCode), Has.None.EqualTo(HttpStatusCode.InternalServerError), $"trial {trial}");
            Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.OK), Is.EqualTo(1), $"trial {trial}");
            Assert.That(admins, Has.Count.EqualTo(1), $"trial {trial}: admins left");
            survivor = admins[0];
        }
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string change, Guid target, string token) =>
        change == "disable"
            ? client.SendWithTokenAsync(HttpMethod.Post, $"/admin/users/{target}/disable", token)
            : client.SendWithTokenAsync(HttpMethod.Delete, $"/admin/users/{target}/roles/admin", token);

    private static async Task<bool> IsAdminAsync(HttpClient client, SignedUpUser user)
    {
        var login = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });
        if (login.StatusCode != HttpStatusCode.OK)
        {
            return false;
        }

        var token = (await login.Content.ReadFromJsonAsync<Auth.Api.Contracts.AuthResponse>())!.AccessToken;
        return (await client.SendWithTokenAsync(HttpMethod.Get, "/admin/users", token)).StatusCode == HttpStatusCode.OK;
    }
}
