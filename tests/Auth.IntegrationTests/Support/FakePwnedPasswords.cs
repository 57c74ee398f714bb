using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Auth.IntegrationTests.Support;

/// <summary>
/// A stand-in for the Have I Been Pwned range API on a loopback port (the real one is outside this network):
/// <c>GET /range/{5 hex}</c> answers <c>SUFFIX:COUNT</c> lines for the passwords a test put in, padding entries
/// (count 0) included, or hangs, or fails with a 503.
/// </summary>
public sealed class FakePwnedPasswords : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, int>> ranges = new(StringComparer.Ordinal);
    private WebApplication? app;

    private FakePwnedPasswords()
    {
    }

    public enum Behaviour
    {
        Answer,
        Hang,
        Fail,
    }

    /// <summary>Ends with a slash, as <c>Passwords:BreachCheck:BaseUrl</c> wants it.</summary>
    public string BaseUrl { get; private set; } = "";

    public Behaviour Mode { get; set; }

    /// <summary>Each request's path and its <c>Add-Padding</c> header.</summary>
    public ConcurrentQueue<(string Path, string? Padding)> Requests { get; } = new();

    public static async Task<FakePwnedPasswords> StartAsync()
    {
        var server = new FakePwnedPasswords();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        server.app = builder.Build();
        server.app.MapGet("/range/{prefix}", server.AnswerAsync);
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = address.TrimEnd('/') + "/";
        return server;
    }

    /// <summary>Puts <paramref name="password"/> in its range with this many breaches (0: a padding entry).</summary>
    public void Add(string password, int count)
    {
        var (prefix, suffix) = Split(password);
        ranges.GetOrAdd(prefix, _ => new ConcurrentDictionary<string, int>(StringComparer.Ordinal))[suffix] = count;
    }

    public static (string Prefix, string Suffix) Split(string password)
    {
#pragma warning disable CA5350 // the range API's own protocol
        var hash = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5350
        return (hash[..5], hash[5..]);
    }

    private async Task<IResult> AnswerAsync(string prefix, HttpContext context)
    {
        Requests.Enqueue((context.Request.Path.Value!, context.Request.Headers["Add-Padding"].FirstOrDefault()));
        switch (Mode)
        {
            case Behaviour.Hang:
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.Empty;
            case Behaviour.Fail:
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            default:
                var lines = ranges.TryGetValue(prefix.ToUpperInvariant(), out var range)
                    ? range.Select(e => $"{e.Key}:{e.Value}")
                    : [];
                return Results.Text(string.Join("\r\n", lines), "text/plain");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
