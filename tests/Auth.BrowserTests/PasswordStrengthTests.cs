using Auth.Application.Abstractions;
using Auth.BrowserTests.Support;
using Auth.Domain.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Auth.BrowserTests;

/// <summary>
/// samples/web's password help: the strength meter before submitting, the service's reasons next to the field after
/// a refusal, and the request for a new password after a login whose password is now refused.
/// </summary>
public sealed class PasswordStrengthTests : BrowserTest
{
    private StaticHost app = null!;
    private KestrelApi api = null!;

    [OneTimeSetUp]
    public async Task StartAppAndApi()
    {
        app = await StaticHost.StartAsync(SampleApp.RequireBuilt());
        api = new KestrelApi(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = app.BaseUrl });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        // Setup stops with Assert.Ignore, before starting anything, where no browser or built sample app is found.
        if (api is not null)
        {
            await api.DisposeAsync();
        }

        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [Test]
    public async Task The_meter_rates_a_common_password_weak_and_the_refusal_shows_its_reasons_by_the_field()
    {
        var page = await OpenAppAsync();
        var form = page.Locator("#signup-form");
        await form.Locator("input[name=name]").FillAsync("Ada Lovelace");
        await form.Locator("input[name=email]").FillAsync($"app-{Guid.NewGuid():N}@example.com");

        await form.Locator("input[name=password]").FillAsync("P@ssw0rd1");
        await Expect(page.Locator("#signup-strength-label")).ToHaveAttributeAsync("data-score", "1"); // zxcvbn calls it weak: l33t and a digit suffix buy one step
        await Expect(page.Locator("#signup-strength-label")).ToHaveTextAsync("Strength: weak");

        await form.Locator("button").ClickAsync();
        await Expect(page.Locator("#signup-reasons li[data-reason=too_common]")).ToContainTextAsync("most common passwords");
        await Expect(page.Locator("#message")).ToContainTextAsync("easy to guess");
        await Expect(page.Locator("#signed-in")).ToBeHiddenAsync();

        await form.Locator("input[name=password]").FillAsync("velvet orbit lantern music");
        await Expect(page.Locator("#signup-strength-label")).ToHaveAttributeAsync("data-score", "4");
        await form.Locator("button").ClickAsync();
        await Expect(page.Locator("#signed-in")).ToBeVisibleAsync();
    }

    [Test]
    public async Task A_login_with_a_password_now_refused_asks_for_a_new_one_until_it_is_changed()
    {
        var email = $"app-{Guid.NewGuid():N}@example.com";
        await AddUserAsync(email, "Password123!"); // accepted once, before the list refused it
        var page = await OpenAppAsync();

        var login = page.Locator("#login-form");
        await login.Locator("input[name=email]").FillAsync(email);
        await login.Locator("input[name=password]").FillAsync("Password123!");
        await login.Locator("button").ClickAsync();
        await Expect(page.Locator("#password-change-required")).ToBeVisibleAsync();

        await page.Locator("#password-form input[name=currentPassword]").FillAsync("Password123!");
        await page.Locator("#password-form input[name=newPassword]").FillAsync("qwertyuiop");
        await page.Locator("#password-form button").ClickAsync();
        await Expect(page.Locator("#new-password-reasons li[data-reason=repetitive]")).ToBeVisibleAsync();

        await page.Locator("#password-form input[name=currentPassword]").FillAsync("Password123!");
        await page.Locator("#password-form input[name=newPassword]").FillAsync("velvet orbit lantern music");
        await page.Locator("#password-form button").ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("Password changed");
        await Expect(page.Locator("#password-change-required")).ToBeHiddenAsync();
        await Expect(page.Locator("#new-password-reasons li")).ToHaveCountAsync(0);
    }

    private async Task AddUserAsync(string email, string password)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var hash = await services.GetRequiredService<IPasswordHasher>().HashAsync(password, CancellationToken.None);
        services.GetRequiredService<IUserRepository>().Add(User.Register(email, "Ada Lovelace", hash, DateTimeOffset.UtcNow));
        var saved = await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
        Assert.That(saved.IsSuccess, Is.True);
    }

    private async Task<IPage> OpenAppAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/index.html?api={Uri.EscapeDataString(api.BaseUrl)}&transport=body");
        await Expect(page.Locator("#login-form")).ToBeVisibleAsync();
        return page;
    }
}
