using System.Net;
using System.Net.Http.Json;
using Auth.Api.Hosting;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Security;

/// <summary>Every endpoint that sets a password refuses weak ones with 400 <c>weak_password</c> and its reasons.</summary>
public sealed class WeakPasswordTests
{
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
    public async Task Signup_with_a_disguised_common_password_is_refused_and_creates_no_account()
    {
        var email = ApiClientExtensions.NewEmail();

        var response = await client.PostAsJsonAsync("/auth/signup", new { email, password = "Password123!", name = "Ada" });
        var login = await client.PostAsJsonAsync("/auth/login", new { email, password = "Password123!" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "weak_password");
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "too_common" }));
            Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("This password is easy to guess"));
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task Changing_to_a_keyboard_row_is_refused_and_the_old_password_still_works()
    {
        var user = await client.SignUpAsync();

        var response = await client.SendWithTokenAsync(HttpMethod.Post, "/auth/user/password", user.AccessToken,
            new { currentPassword = user.Password, newPassword = "qwertyuiop" });
        var login = await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = user.Password });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "weak_password");
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "too_common", "repetitive" }));
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Reset_to_the_users_own_name_is_refused_and_the_link_still_works_for_a_good_password()
    {
        var user = await client.SignUpAsync(name: "Grace Hopper");
        await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email });
        var token = await factory.TokenMailedToAsync(user.Email, count: 2);

        var refused = await client.PostAsJsonAsync("/auth/password/reset", new { token, newPassword = "GraceHopper1906" });
        var accepted = await client.PostAsJsonAsync("/auth/password/reset", new { token, newPassword = "admiral of the compilers" });

        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "weak_password");
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "contains_personal_info" }));
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        });
    }

    [Test]
    public async Task Create_admin_refuses_a_common_password_and_says_why()
    {
        var email = ApiClientExtensions.NewEmail();
        var output = new StringWriter();

        var exit = await AdminBootstrap.RunCommandLineAsync(factory.Services, ["create-admin", "--email", email],
            new StringReader("password1\npassword1\n"), output);
        var login = await client.PostAsJsonAsync("/auth/login", new { email, password = "password1" });

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(output.ToString(), Does.Contain("This password is easy to guess"));
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task With_the_blocklist_disabled_a_common_password_is_accepted()
    {
        await using var relaxed = new AuthApiFactory(settings: new Dictionary<string, string?> { ["Passwords:Blocklist:Enabled"] = "false" });
        using var relaxedClient = relaxed.CreateClient();

        var response = await relaxedClient.PostAsJsonAsync("/auth/signup",
            new { email = ApiClientExtensions.NewEmail(), password = "Password123!", name = "Ada" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }
}
