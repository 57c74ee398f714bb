using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Auth.IntegrationTests.Support;

/// <summary>
/// A stand-in for GitHub's OAuth endpoints and REST API on a loopback port (the real ones are outside this network),
/// strict where GitHub is: the token endpoint checks the client secret, the redirect URI and the PKCE verifier
/// against the challenge sent to the authorize endpoint; the API wants the access token it issued.
/// </summary>
public sealed class FakeGitHub : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (string Challenge, string RedirectUri)> codes = new();
    private readonly ConcurrentDictionary<string, GitHubPerson> tokens = new();
    private WebApplication? app;

    public const string ClientId = "github-client";

    public string ClientSecret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public string BaseUrl { get; private set; } = "";

    /// <summary>Who signs in at the next authorize request.</summary>
    public GitHubPerson Next { get; set; } = new(1, "octocat", "The Octocat", [new("octocat@example.com", Primary: true, Verified: true)]);

    public static async Task<FakeGitHub> StartAsync()
    {
        var server = new FakeGitHub();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        server.app = builder.Build();
        server.app.MapGet("/login/oauth/authorize", (HttpContext context) => server.Authorize(context));
        server.app.MapPost("/login/oauth/access_token", (HttpRequest request) => server.AccessTokenAsync(request));
        server.app.MapGet("/api/user", (HttpContext context) => server.Person(context) is { } p ? Results.Json(new { id = p.Id, login = p.Login, name = p.Name }) : Results.Unauthorized());
        server.app.MapGet("/api/user/emails", (HttpContext context) => server.Person(context) is { } p
            ? Results.Json(p.Emails.Select(e => new { email = e.Email, primary = e.Primary, verified = e.Verified }))
            : Results.Unauthorized());
        await server.app.StartAsync();
        server.BaseUrl = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return server;
    }

    /// <summary>The service's settings for a provider with the id <c>github</c> (its preset) pointed here.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["ExternalProviders:github:ClientId"] = ClientId,
        ["ExternalProviders:github:ClientSecret"] = ClientSecret,
        ["ExternalProviders:github:AuthorizationEndpoint"] = $"{BaseUrl}/login/oauth/authorize",
        ["ExternalProviders:github:TokenEndpoint"] = $"{BaseUrl}/login/oauth/access_token",
        ["ExternalProviders:github:ApiBaseUrl"] = $"{BaseUrl}/api",
        ["ExternalSignIn:ReturnOrigins:0"] = "http://localhost:5173",
    };

    private IResult Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        if (query["client_id"] != ClientId || query["code_challenge_method"] != "S256")
        {
            return Results.BadRequest();
        }

        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(10));
        codes[code] = (query["code_challenge"].ToString(), query["redirect_uri"].ToString());
        tokens["pending:" + code] = Next;
        return Results.Redirect(QueryHelpers.AddQueryString(query["redirect_uri"].ToString(), new Dictionary<string, string?> { ["code"] = code, ["state"] = query["state"] }));
    }

    private async Task<IResult> AccessTokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var code = form["code"].ToString();
        var verifier = form["code_verifier"].ToString();
        if (!codes.TryRemove(code, out var issued) || form["client_secret"] != ClientSecret || form["redirect_uri"] != issued.RedirectUri
            || Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != issued.Challenge
            || !tokens.TryRemove("pending:" + code, out var person))
        {
            // GitHub answers a bad code with 200 and an error member.
            return Results.Json(new { error = "bad_verification_code" });
        }

        var token = "gho_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        tokens[token] = person;
        return Results.Json(new { access_token = token, token_type = "bearer", scope = "read:user,user:email" });
    }

    private GitHubPerson? Person(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer gho_", StringComparison.Ordinal)
        && tokens.TryGetValue(header["Bearer ".Length..], out var person) ? person : null;

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}

public sealed record GitHubPerson(long Id, string Login, string? Name, IReadOnlyList<GitHubEmail> Emails);

public sealed record GitHubEmail(string Email, bool Primary, bool Verified);
