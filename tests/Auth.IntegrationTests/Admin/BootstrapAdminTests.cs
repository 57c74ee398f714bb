using System.Net;
using System.Net.Http.Json;
using Auth.Api.Contracts;
using Auth.Api.Hosting;
using Auth.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Auth.IntegrationTests.Admin;

/// <summary>
/// <c>Auth:Bootstrap:AdminEmail</c> may be set before the account exists: only whoever reads that mailbox gets the
/// role, when the confirmation link is followed.
/// </summary>
public sealed class BootstrapAdminTests
{
    [Test]
    public async Task Signing_up_with_the_bootstrap_address_gives_no_admin_rights()
    {
        var adminEmail = ApiClientExtensions.NewEmail();
        await using var factory = AdminFixture.CreateFactory(adminEmail);
        using var client = factory.CreateClient();

        var squatter = await client.SignUpAsync(adminEmail);
        var admin = await client.SendWithTokenAsync(HttpMethod.Get, "/admin/users", squatter.AccessToken);

        Assert.That(squatter.Auth.User.Roles, Is.EqualTo(new[] { "user" }));
        Assert.That(Roles(squatter.AccessToken), Does.Not.Contain("admin"));
        await admin.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Test]
    public async Task Confirming_the_bootstrap_address_through_the_mailed_link_grants_admin_at_the_next_refresh()
    {
        var adminEmail = ApiClientExtensions.NewEmail();
        await using var factory = AdminFixture.CreateFactory(adminEmail);
        using var client = factory.CreateClient();
        var owner = await client.SignUpAsync(adminEmail);

        await client.ConfirmEmailAsync(factory, adminEmail);
        var refreshed = await client.PostAsJsonAsync("/auth/refresh", new { refreshToken = owner.Auth.RefreshToken });
        var token = (await refreshed.Content.ReadFromJsonAsync<AuthResponse>())!.AccessToken;

        Assert.That(Roles(token), Does.Contain("admin"));
        Assert.That((await client.SendWithTokenAsync(HttpMethod.Get, "/admin/users", token)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await AuditTypesAsync(factory, owner.Auth.User.Id), Does.Contain("BootstrapAdminOnConfirmation"));
    }

    [Test]
    public async Task Confirming_another_address_grants_nothing()
    {
        await using var factory = AdminFixture.CreateFactory(ApiClientExtensions.NewEmail());
        using var client = factory.CreateClient();
        var user = await client.SignUpAsync();

        await client.ConfirmEmailAsync(factory, user.Email);

        Assert.That(Roles(await client.LoginAsync(user.Email)), Does.Not.Contain("admin"));
    }

    [Test]
    public async Task A_start_with_an_unconfirmed_existing_account_promotes_nobody_and_says_so_once()
    {
        var database = TestDatabase.New();
        var email = ApiClientExtensions.NewEmail();
        await using (var before = new AuthApiFactory(database))
        {
            using var beforeClient = before.CreateClient();
            await beforeClient.SignUpAsync(email);
        }

        await using var after = AdminFixture.CreateFactory(email, database);
        using var afterClient = after.CreateClient();
        var token = await afterClient.LoginAsync(email);

        await (await afterClient.SendWithTokenAsync(HttpMethod.Get, "/admin/users", token)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.That(after.Logs.Lines.Count(l => l.Contains("bootstrap admin (Auth:Bootstrap:AdminEmail) is waiting for confirmation", StringComparison.Ordinal)),
            Is.EqualTo(1));
    }

    [Test]
    public async Task A_start_with_a_confirmed_existing_account_promotes_it_and_records_the_path()
    {
        var database = TestDatabase.New();
        var email = ApiClientExtensions.NewEmail();
        Guid id;
        await using (var before = new AuthApiFactory(database))
        {
            using var beforeClient = before.CreateClient();
            id = (await beforeClient.SignUpAsync(email)).Auth.User.Id;
            await beforeClient.ConfirmEmailAsync(before, email);
        }

        await using var after = AdminFixture.CreateFactory(email, database);
        using var afterClient = after.CreateClient();
        var token = await afterClient.LoginAsync(email);

        Assert.That((await afterClient.SendWithTokenAsync(HttpMethod.Get, "/admin/users", token)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await AuditTypesAsync(after, id), Does.Contain("BootstrapAdminAtStart"));
    }

    [Test]
    public async Task Create_admin_refuses_an_unconfirmed_existing_account_and_records_its_path_otherwise()
    {
        await using var factory = new AuthApiFactory();
        using var client = factory.CreateClient();
        var squatter = await client.SignUpAsync();
        var output = new StringWriter();

        var refused = await AdminBootstrap.RunCommandLineAsync(factory.Services, ["create-admin", "--email", squatter.Email],
            new StringReader("an ignored passphrase\nan ignored passphrase\n"), output);
        await client.ConfirmEmailAsync(factory, squatter.Email);
        var promoted = await AdminBootstrap.RunCommandLineAsync(factory.Services, ["create-admin", "--email", squatter.Email],
            new StringReader("an ignored passphrase\nan ignored passphrase\n"), new StringWriter());

        Assert.That(refused, Is.EqualTo(1));
        Assert.That(output.ToString(), Does.Contain("not confirmed"));
        Assert.That(promoted, Is.Zero);
        Assert.That(await AuditTypesAsync(factory, squatter.Auth.User.Id), Does.Contain("BootstrapAdminByCommandLine"));
    }

    private static IEnumerable<string> Roles(string accessToken) =>
        new JsonWebToken(accessToken).Claims.Where(c => c.Type == "role").Select(c => c.Value);

    /// <summary>The audit writer is a background service: waits (with a deadline) until the account has a bootstrap event.</summary>
    private static async Task<string[]> AuditTypesAsync(AuthApiFactory factory, Guid userId)
    {
        return await Eventually.WaitForAsync(
            () => factory.WithDatabaseAsync(db => db.AuditEntries.Where(e => e.UserId == userId).Select(e => e.Type).ToArrayAsync()),
            types => types.Any(t => t.StartsWith("BootstrapAdmin", StringComparison.Ordinal)),
            "a BootstrapAdmin audit event");
    }
}
