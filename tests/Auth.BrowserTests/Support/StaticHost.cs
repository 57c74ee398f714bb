using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Auth.BrowserTests.Support;

/// <summary>
/// A plain static file server on its own loopback port, so the page's origin differs from the API's and the browser
/// enforces CORS for real. Extra pages can be served from memory (the foreign site of the CORS test). Paths that are no
/// file get index.html, as a single-page app's host does, so its client-side routes (a mailed link's page) open.
/// </summary>
internal sealed class StaticHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private StaticHost(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>Served as <c>/config.js</c> when set, instead of the app's own: where the API under test is.</summary>
    public string? ConfigScript { get; set; }

    public static async Task<StaticHost> StartAsync(string? root, IDictionary<string, string>? pages = null)
    {
        StaticHost? host = null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path == "/config.js" && host?.ConfigScript is { } script)
            {
                context.Response.ContentType = "text/javascript";
                await context.Response.WriteAsync(script);
                return;
            }

            await next(context);
        });
        foreach (var (path, html) in pages ?? new Dictionary<string, string>())
        {
            app.MapGet(path, () => Results.Content(html, "text/html"));
        }

        if (root is not null)
        {
            var files = new PhysicalFileProvider(root);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = false });
            app.MapFallbackToFile("index.html", new StaticFileOptions { FileProvider = files });
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        host = new StaticHost(app, address.TrimEnd('/'));
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
