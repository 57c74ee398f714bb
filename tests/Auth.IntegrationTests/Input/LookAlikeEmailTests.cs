using System.Net;
using System.Net.Http.Json;
using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Input;

/// <summary>No two accounts may render the same: invisible and bidi characters are refused, Unicode forms are one account.</summary>
public sealed class LookAlikeEmailTests
{
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

    [TestCase("\u200B", TestName = "zero-width space")]
    [TestCase("\u00AD", TestName = "soft hyphen")]
    [TestCase("\u202E", TestName = "right-to-left override")]
    [TestCase("\u2066", TestName = "left-to-right isolate")]
    [TestCase("\u200E", TestName = "left-to-right mark")]
    [TestCase("\uFEFF", TestName = "zero-width no-break space")]
    [TestCase("\u2060", TestName = "word joiner")]
    public async Task An_email_with_an_invisible_or_bidi_character_is_refused(string invisible)
    {
        var local = $"ada{Guid.NewGuid():N}";
        await client.SignUpAsync($"{local}@example.com");

        var response = await client.PostAsJsonAsync("/auth/signup",
            new { email = $"{local[..2]}{invisible}{local[2..]}@example.com", password = ApiClientExtensions.Password, name = "Eve" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.ErrorKeys(), Is.EqualTo(new[] { "email" }));
    }

    [Test]
    public async Task Composed_and_decomposed_forms_of_one_address_are_one_account()
    {
        var local = $"jos\u00E9{Guid.NewGuid():N}"; // é as one code point
        var decomposed = local.Replace("\u00E9", "e\u0301", StringComparison.Ordinal);
        await client.SignUpAsync($"{local}@example.com");

        var twin = await client.PostAsJsonAsync("/auth/signup",
            new { email = $"{decomposed}@example.com", password = ApiClientExtensions.Password, name = "Eve" });
        var login = await client.PostAsJsonAsync("/auth/login", new { email = $"{decomposed}@example.com", password = ApiClientExtensions.Password });

        await twin.AssertProblemAsync(HttpStatusCode.Conflict, "email_taken");
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Compatibility_forms_of_one_address_are_one_account()
    {
        var local = $"ada{Guid.NewGuid():N}";
        await client.SignUpAsync($"{local}@example.com");
        var fullwidth = string.Concat(local.Select(c => char.IsAsciiLetter(c) ? (char)(c - 'a' + '\uFF41') : c));

        var twin = await client.PostAsJsonAsync("/auth/signup",
            new { email = $"{fullwidth}@example.com", password = ApiClientExtensions.Password, name = "Eve" });

        await twin.AssertProblemAsync(HttpStatusCode.Conflict, "email_taken");
    }

    [TestCase("\u202EnimdA", TestName = "name with right-to-left override")]
    [TestCase("Ad\u200Ba", TestName = "name with zero-width space")]
    [TestCase("Ad\u00ADa", TestName = "name with soft hyphen")]
    public async Task A_name_with_an_invisible_or_bidi_character_is_refused(string name)
    {
        var signup = await client.PostAsJsonAsync("/auth/signup", new { email = ApiClientExtensions.NewEmail(), password = ApiClientExtensions.Password, name });
        var user = await client.SignUpAsync();
        var update = await client.SendWithTokenAsync(HttpMethod.Patch, "/auth/user", user.AccessToken, new { name });

        Assert.That((await signup.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorKeys(), Is.EqualTo(new[] { "name" }));
        Assert.That((await update.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).ErrorKeys(), Is.EqualTo(new[] { "name" }));
    }

    [Test]
    public async Task A_decomposed_name_is_stored_composed()
    {
        var user = await client.SignUpAsync(name: "Jose\u0301");

        var me = await (await client.GetUserAsync(user.AccessToken)).ReadJsonAsync();

        Assert.That(me.GetProperty("name").GetString(), Is.EqualTo("Jos\u00E9"));
    }
}
