using System.Net;
using Auth.Api.Hosting;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Admin;

/// <summary><c>dotnet run --project src/Auth.Api -- create-admin --email ...</c>, driven through its entry point.</summary>
public sealed class CreateAdminCommandTests
{
    [Test]
    public async Task The_command_creates_a_confirmed_admin_who_can_use_the_admin_api()
    {
        await using var factory = new AuthApiFactory();
        using var client = factory.CreateClient();
        var email = ApiClientExtensions.NewEmail();
        var output = new StringWriter();

        var exit = await AdminBootstrap.RunCommandLineAsync(factory.Services, ["create-admin", "--email", email, "--name", "Root"],
            new StringReader($"{ApiClientExtensions.Password}\n{ApiClientExtensions.Password}\n"), output);
        var token = await client.LoginAsync(email);

        Assert.That(exit, Is.Zero, output.ToString());
        Assert.That(output.ToString(), Does.Contain($"{email} is an administrator").And.Not.Contain(ApiClientExtensions.Password));
        Assert.That((await client.SendWithTokenAsync(HttpMethod.Get, "/admin/users", token)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await (await client.GetUserAsync(token)).ReadJsonAsync()).GetProperty("emailConfirmed").GetBoolean(), Is.True);
    }

    [Test]
    public async Task The_command_promotes_an_existing_confirmed_account_and_keeps_its_password()
    {
        await using var factory = new AuthApiFactory();
        using var client = factory.CreateClient();
        var user = await client.SignUpAsync();
        await client.ConfirmEmailAsync(factory, user.Email);

        var exit = await AdminBootstrap.RunCommandLineAsync(factory.Services, ["create-admin", "--email", user.Email],
            new StringReader("an ignored passphrase\nan ignored passphrase\n"), new StringWriter());
        var token = await client.LoginAsync(user.Email, user.Password);

        Assert.That(exit, Is.Zero);
        Assert.That((await client.SendWithTokenAsync(HttpMethod.Get, "/admin/users", token)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("different\n", 1)]
    [TestCase(null, 2)]
    public async Task Mismatched_passwords_or_a_missing_email_change_nothing(string? secondLine, int expectedExit)
    {
        await using var factory = new AuthApiFactory();
        var args = secondLine is null ? new[] { "create-admin" } : ["create-admin", "--email", ApiClientExtensions.NewEmail()];

        var exit = await AdminBootstrap.RunCommandLineAsync(factory.Services, args,
            new StringReader($"{ApiClientExtensions.Password}\n{secondLine}"), new StringWriter());

        Assert.That(exit, Is.EqualTo(expectedExit));
    }

    [Test]
    public async Task A_too_short_password_is_refused_with_the_rule()
    {
        await using var factory = new AuthApiFactory();
        var output = new StringWriter();

        var exit = await AdminBootstrap.RunCommandLineAsync(factory.Services, ["create-admin", "--email", ApiClientExtensions.NewEmail()],
            new StringReader("short\nshort\n"), output);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output.ToString(), Does.Contain("password"));
    }
}
