using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Auth.IntegrationTests.Support;

/// <summary>Who signs in at the test provider's login form: the ID token carries exactly these claims.</summary>
public sealed record TestIdpUser(string Subject, string Email, bool EmailVerified = true, string? Name = null);

/// <summary>How the test provider spoils the next ID token it issues (see <see cref="TestIdentityProvider.TamperNextIdTokenAsync"/>).</summary>
public enum IdTokenTamper
{
    None,

    /// <summary>Re-signed with the provider's key, <c>aud</c> is someone else.</summary>
    WrongAudience,

    /// <summary>Re-signed with the provider's key, <c>nonce</c> is not the one the client sent.</summary>
    WrongNonce,

    /// <summary>Signed by another key under the provider's <c>kid</c>: the JWKS does not verify it.</summary>
    WrongSignature,

    /// <summary>Re-signed with the provider's key, expired an hour ago.</summary>
    Expired,

    /// <summary>Re-signed with the provider's key, no <c>nonce</c>.</summary>
    MissingNonce,
}

/// <summary>
/// A real, certified OpenID Provider (the npm package oidc-provider, tests/TestIdp) as a node process on a free port
/// of 127.0.0.1, with one confidential client (client_secret_post, code flow, PKCE S256) and a login form where the
/// test says who signs in. Installs its node packages on first use (<c>npm ci</c>); without node the test is ignored,
/// or fails where CI is set. The process goes when this is disposed, and at the end of the run in any case.
/// </summary>
public sealed partial class TestIdentityProvider : IAsyncDisposable
{
    private const string NodeMissing = "node and npm are needed for the OpenID Provider the external sign-in tests run against (Debian: apt-get install nodejs npm).";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly ConcurrentDictionary<TestIdentityProvider, byte> Running = new();
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static bool installed;

    private readonly IReadOnlyList<string> redirectUris;
    private readonly int port;
    private readonly HttpClient control;
    private Process? process;

    static TestIdentityProvider() => AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();

    private TestIdentityProvider(IReadOnlyList<string> redirectUris, int port)
    {
        this.redirectUris = redirectUris;
        this.port = port;
        Issuer = $"http://127.0.0.1:{port}";
        control = new HttpClient { BaseAddress = new Uri(Issuer) };
    }

    /// <summary>The provider's URL, as its discovery document names it: <c>http://127.0.0.1:&lt;port&gt;</c>.</summary>
    public string Issuer { get; }

    public string ClientId { get; } = "auth-tests";

    public string ClientSecret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    /// <summary>The redirect URIs the client may use, e.g. <c>http://localhost/auth/external/testidp/callback</c>.</summary>
    public IReadOnlyList<string> RedirectUris => redirectUris;

    /// <summary>
    /// Starts a provider whose client accepts these redirect URIs: exactly, except that a loopback one
    /// (<c>http://127.0.0.1/...</c>, <c>http://localhost/...</c>) matches on any port (RFC 8252, 7.3), so a browser test
    /// can name its callback before Kestrel has picked a port.
    /// </summary>
    public static async Task<TestIdentityProvider> StartAsync(IEnumerable<string> redirectUris, CancellationToken ct = default)
    {
        var uris = redirectUris.ToList();
        if (uris.Count == 0)
        {
            throw new ArgumentException("At least one redirect URI is needed.", nameof(redirectUris));
        }

        await EnsureInstalledAsync(ct);
        var provider = new TestIdentityProvider(uris, FreePort());
        try
        {
            await provider.LaunchAsync(ct);
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }

        return provider;
    }

    /// <summary>The next ID token the token endpoint issues is spoiled this way; the ones after are sound again.</summary>
    public async Task TamperNextIdTokenAsync(IdTokenTamper tamper, CancellationToken ct = default)
    {
        using var response = await control.PostAsJsonAsync("/__test/tamper", new { next = SnakeCase(tamper) }, ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The provider is down: its process is killed, its port refuses connections.</summary>
    public async Task StopAsync()
    {
        if (process is { } running)
        {
            process = null;
            if (!running.HasExited)
            {
                running.Kill(entireProcessTree: true);
            }

            await running.WaitForExitAsync();
            running.Dispose();
        }
    }

    /// <summary>Up again on the same port with the same issuer and client; a new signing key, and no memory of sessions or codes.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await LaunchAsync(CancellationToken.None);
    }

    /// <summary>
    /// The user's side of the sign-in, without a browser: requests <paramref name="authorizeUrl"/> (where the service's
    /// <c>/auth/external/{provider}/start</c> redirected) with fresh cookies, fills in the login form as
    /// <paramref name="user"/> (or presses Cancel), follows the provider's redirects and returns the first one that
    /// leaves the provider (the service's callback, with <c>code</c> and <c>state</c>, or <c>error</c>) without
    /// requesting it.
    /// </summary>
    public async Task<Uri> AuthorizeAsync(Uri authorizeUrl, TestIdpUser user, bool cancel = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(authorizeUrl);
        ArgumentNullException.ThrowIfNull(user);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler);
        var request = new HttpRequestMessage(HttpMethod.Get, authorizeUrl);
        var formSent = false;
        for (var hops = 0; hops < 10; hops++)
        {
            using var response = await browser.SendAsync(request, ct);
            request.Dispose();
            var here = response.RequestMessage!.RequestUri!;
            if (response.Headers.Location is { } location && (int)response.StatusCode is >= 300 and < 400)
            {
                var target = location.IsAbsoluteUri ? location : new Uri(here, location);
                if (!IsProvider(target))
                {
                    return target;
                }

                request = new HttpRequestMessage(HttpMethod.Get, target);
                continue;
            }

            var page = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode != HttpStatusCode.OK || formSent || LoginFormAction().Match(page) is not { Success: true } form)
            {
                throw new InvalidOperationException($"The test provider answered {(int)response.StatusCode} at {here} without a way on:\n{page}");
            }

            formSent = true;
            request = new HttpRequestMessage(HttpMethod.Post, new Uri(here, WebUtility.HtmlDecode(form.Groups["action"].Value)))
            {
                Content = new FormUrlEncodedContent(LoginFields(user, cancel)),
            };
        }

        throw new InvalidOperationException($"The test provider redirected more than 10 times from {authorizeUrl}.");
    }

    public async ValueTask DisposeAsync()
    {
        Running.TryRemove(this, out _);
        await StopAsync();
        control.Dispose();
    }

    /// <summary>
    /// Kills every provider still running; the run's teardown calls it so no node process outlives the tests (and
    /// each node process also exits when its stdin, held by this process, closes).
    /// </summary>
    public static void StopAll()
    {
        foreach (var provider in Running.Keys)
        {
            Running.TryRemove(provider, out _);
            if (provider.process is { HasExited: false } running)
            {
                running.Kill(entireProcessTree: true);
            }
        }
    }

    private async Task LaunchAsync(CancellationToken ct)
    {
        var start = new ProcessStartInfo(FindOnPath("node")!)
        {
            WorkingDirectory = ProjectDirectory(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["server.mjs", "--exit-with-stdin", "--port", $"{port}", "--client-id", ClientId])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var uri in redirectUris)
        {
            start.ArgumentList.Add("--redirect-uri");
            start.ArgumentList.Add(uri);
        }

        // The secret goes by the environment, not the command line any process listing shows.
        start.Environment["CLIENT_SECRET"] = ClientSecret;

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = new StringBuilder();
        var node = new Process { StartInfo = start, EnableRaisingEvents = true };
        node.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("READY ", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        node.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        node.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("node exited"));
        node.Start();
        process = node;
        Running.TryAdd(this, 0);
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();

        try
        {
            await ready.Task.WaitAsync(StartTimeout, ct);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            await StopAsync();
            string errors;
            lock (stderr)
            {
                errors = stderr.ToString();
            }

            throw new InvalidOperationException(
                $"The test OpenID Provider (tests/TestIdp) did not print READY on {Issuer} within {StartTimeout.TotalSeconds:0} s ({e.Message}). Its stderr:\n{errors}");
        }
    }

    private bool IsProvider(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttp && uri.Host == "127.0.0.1" && uri.Port == port;

    private static Dictionary<string, string> LoginFields(TestIdpUser user, bool cancel)
    {
        if (cancel)
        {
            return new() { ["action"] = "cancel" };
        }

        var fields = new Dictionary<string, string> { ["sub"] = user.Subject, ["email"] = user.Email, ["action"] = "login" };
        if (user.EmailVerified)
        {
            fields["email_verified"] = "true";
        }

        if (user.Name is not null)
        {
            fields["name"] = user.Name;
        }

        return fields;
    }

    private static string SnakeCase(IdTokenTamper tamper) =>
        SnakeCaseBoundary().Replace(tamper.ToString(), "$1_$2").ToLowerInvariant();

    /// <summary>
    /// <c>npm ci</c> in tests/TestIdp when node_modules is missing or older than package-lock.json, once per run, and
    /// under a file lock, since the SQLite and PostgreSQL suites may start at the same time.
    /// </summary>
    private static async Task EnsureInstalledAsync(CancellationToken ct)
    {
        if (FindOnPath("node") is null || FindOnPath("npm") is null)
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                Assert.Fail(NodeMissing + " CI is set, so these tests may not skip.");
            }

            Assert.Ignore(NodeMissing);
        }

        await InstallGate.WaitAsync(ct);
        try
        {
            if (installed)
            {
                return;
            }

            var directory = ProjectDirectory();
            using (await LockFileAsync(Path.Combine(directory, "node_modules.lock"), ct))
            {
                var lockFile = File.GetLastWriteTimeUtc(Path.Combine(directory, "package-lock.json"));
                var stamp = Path.Combine(directory, "node_modules", ".package-lock.json");
                if (!File.Exists(stamp) || File.GetLastWriteTimeUtc(stamp) < lockFile)
                {
                    await RunNpmCiAsync(directory, ct);
                }
            }

            installed = true;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task RunNpmCiAsync(string directory, CancellationToken ct)
    {
        var start = new ProcessStartInfo(FindOnPath("npm")!, ["ci", "--no-audit", "--no-fund"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var npm = Process.Start(start)!;
        var output = npm.StandardOutput.ReadToEndAsync(ct);
        var error = npm.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await npm.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw;
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {directory} failed ({npm.ExitCode}):\n{await output}\n{await error}");
        }
    }

    /// <summary>An exclusive lock across processes: on Unix, .NET takes <c>flock</c> for <see cref="FileShare.None"/>.</summary>
    private static async Task<FileStream> LockFileAsync(string path, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(6);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }
        }
    }

    private static string ProjectDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Auth.sln")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? throw new InvalidOperationException("Auth.sln not found above the test output.")
            : Path.Combine(directory.FullName, "tests", "TestIdp");
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("""<form method="post" action="(?<action>[^"]+)">""")]
    private static partial Regex LoginFormAction();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex SnakeCaseBoundary();
}
