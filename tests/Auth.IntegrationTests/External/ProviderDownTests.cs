using System.Net;
using Auth.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace Auth.IntegrationTests.External;

/// <summary>A provider that stops answering: a clear problem within seconds, nothing half-made, and no restart of the service to recover.</summary>
public sealed class ProviderDownTests
{
    [Test]
    public async Task A_provider_down_at_start_or_at_the_callback_is_a_clear_answer_and_its_return_needs_no_restart()
    {
        await using var idp = await TestIdentityProvider.StartAsync([ExternalFlows.CallbackUrl]);
        await using var factory = ExternalFlows.CreateFactory(idp, new Dictionary<string, string?> { ["ExternalSignIn:Timeout"] = "00:00:03" });
        using var browser = factory.CreateBrowser();
        var authorize = await browser.StartAsync();
        var callback = await idp.AuthorizeAsync(authorize, ExternalFlows.NewIdpUser());

        await idp.StopAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var back = await browser.CallbackAsync(callback);
        Assert.That(back["error"], Is.EqualTo("provider_unavailable"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "no request hangs on the provider");

        // A fresh service: its first read of the metadata meets the provider down.
        await using var fresh = ExternalFlows.CreateFactory(idp);
        using var freshBrowser = fresh.CreateBrowser();
        var start = await freshBrowser.GetAsync($"/auth/external/testidp/start?{ExternalFlows.StartQuery()}");
        await start.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "provider_unavailable");
        Assert.That(start.Headers.RetryAfter, Is.Not.Null);
        var made = await factory.WithDatabaseAsync(async db => (await db.Users.CountAsync(), await db.ExternalSignInGrants.CountAsync()));
        Assert.That(made, Is.EqualTo((0, 0)), "nothing half-made");

        await idp.RestartAsync();
        var authorizeAgain = await Eventually.WaitForAsync<Uri?>(async () =>
        {
            var started = await freshBrowser.GetAsync($"/auth/external/testidp/start?{ExternalFlows.StartQuery()}");
            return started.StatusCode == HttpStatusCode.Redirect ? started.Headers.Location : null;
        }, location => location is not null, "the start to redirect again once the provider is back");
        var recovered = await freshBrowser.CallbackAsync(await idp.AuthorizeAsync(authorizeAgain!, ExternalFlows.NewIdpUser()));
        Assert.That(recovered, Does.ContainKey("code"), "the restarted provider, with its new signing key, signs people in again");
    }
}
