using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Auth.IntegrationTests.Support;

namespace Auth.Benchmarks;

/// <summary>
/// <c>passkey-login API SECONDS PASSWORD_LOOPS PASSKEY_LOOPS ACCOUNTS</c>: the load harness's passkey scenario. It
/// signs up ACCOUNTS accounts and registers a passkey for each with the integration tests' software authenticator
/// (untimed), then drives the service for SECONDS each: first password logins (<c>POST /auth/login</c>) from
/// PASSWORD_LOOPS loops, then passkey sign-ins from PASSKEY_LOOPS, each one <c>POST /auth/passkeys/login/options</c>
/// and <c>POST /auth/passkeys/login</c> with a fresh ECDSA assertion, as a browser does. wrk cannot sign, so this one
/// client drives both and the two figures share its overhead. Each gets the concurrency that saturates it: a password
/// login is CPU-bound (more loops than hashing slots only queue), a passkey sign-in mostly waits on small commits.
/// Prints <c>PASSKEY {json}</c>.
/// </summary>
internal static class PasskeyLoginLoad
{
    private const string Password = "correct horse battery staple";

    // Each account's device token from its last sign-in, sent with the next as a browser does: the account's client
    // is a known device, so a sign-in is not a new device with its alert mail each time.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> DeviceTokens = new();

    public static async Task<int> RunAsync(string[] args)
    {
        var api = new Uri(args[1]);
        var seconds = double.Parse(args[2], CultureInfo.InvariantCulture);
        var passwordLoops = int.Parse(args[3], CultureInfo.InvariantCulture);
        var passkeyLoops = int.Parse(args[4], CultureInfo.InvariantCulture);
        var accounts = int.Parse(args[5], CultureInfo.InvariantCulture);
        if (accounts % passkeyLoops != 0)
        {
            Console.Error.WriteLine("ACCOUNTS must be a multiple of PASSKEY_LOOPS: each loop signs in with accounts of its own.");
            return 2;
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(passwordLoops, passkeyLoops) }) { BaseAddress = api };

        var seeded = await SeedAsync(http, accounts, passwordLoops);
        var password = await DriveAsync(passwordLoops, seconds, (i, ct) => PasswordLoginAsync(http, seeded[i % seeded.Count].Email, ct));
        var passkey = await DriveAsync(passkeyLoops, seconds, (i, ct) => PasskeyLoginAsync(http, seeded[i % seeded.Count].Authenticator, ct));
        Console.WriteLine("PASSKEY " + JsonSerializer.Serialize(new { password, passkey }));
        return password.Errors == 0 && passkey.Errors == 0 && passkey.Requests > 0 ? 0 : 1;
    }

    private static async Task<List<(string Email, SoftwareAuthenticator Authenticator)>> SeedAsync(HttpClient http, int accounts, int parallel)
    {
        var run = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var seeded = new (string, SoftwareAuthenticator)[accounts];
        await Parallel.ForAsync(0, accounts, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, ct) =>
        {
            var email = $"passkey-{run}-{i}@bench.local";
            var signup = await http.PostAsJsonAsync("/auth/signup", new { email, password = Password, name = $"Passkey {i}" }, ct);
            Expect(signup, HttpStatusCode.Created, "signup");
            var token = (await signup.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
            var options = await SendAsync(http, "/auth/passkeys/register/options", token, null, ct);
            Expect(options, HttpStatusCode.OK, "registration options");
            var authenticator = new SoftwareAuthenticator();
            var attestation = authenticator.Create(await options.Content.ReadFromJsonAsync<JsonElement>(ct));
            Expect(await SendAsync(http, "/auth/passkeys/register", token, new { attestation }, ct), HttpStatusCode.Created, "registration");
            seeded[i] = (email, authenticator);
        });
        return [.. seeded];
    }

    /// <returns>How long the sign-in's own request took (the options request of a passkey sign-in is not counted in it).</returns>
    private static async Task<TimeSpan> PasswordLoginAsync(HttpClient http, string email, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var login = await SendAsDeviceAsync(http, "/auth/login", "password:" + email, new { email, password = Password }, ct);
        Expect(login, HttpStatusCode.OK, "password login");
        var took = Stopwatch.GetElapsedTime(started);
        await KeepDeviceAsync(login, "password:" + email, ct);
        return took;
    }

    private static async Task<TimeSpan> PasskeyLoginAsync(HttpClient http, SoftwareAuthenticator authenticator, CancellationToken ct)
    {
        var options = await http.PostAsync("/auth/passkeys/login/options", null, ct);
        Expect(options, HttpStatusCode.OK, "passkey options");
        var body = await options.Content.ReadFromJsonAsync<JsonElement>(ct);
        JsonElement publicKey = body.GetProperty("publicKey");
        var assertion = authenticator.Get(publicKey);

        var device = "passkey:" + authenticator.GetHashCode().ToString(CultureInfo.InvariantCulture);
        var started = Stopwatch.GetTimestamp();
        var login = await SendAsDeviceAsync(http, "/auth/passkeys/login", device, new { challengeId = body.GetProperty("challengeId").GetGuid(), assertion }, ct);
        Expect(login, HttpStatusCode.OK, "passkey login");
        var took = Stopwatch.GetElapsedTime(started);
        await KeepDeviceAsync(login, device, ct);
        return took;
    }

    private static Task<HttpResponseMessage> SendAsDeviceAsync(HttpClient http, string path, string device, object body, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (DeviceTokens.TryGetValue(device, out var token))
        {
            request.Headers.Add("X-Device-Token", token);
        }

        return http.SendAsync(request, ct);
    }

    private static async Task KeepDeviceAsync(HttpResponseMessage login, string device, CancellationToken ct)
    {
        if ((await login.Content.ReadFromJsonAsync<JsonElement>(ct)).TryGetProperty("deviceToken", out var token) && token.GetString() is { } value)
        {
            DeviceTokens[device] = value;
        }
    }

    private static async Task<Figures> DriveAsync(int connections, double seconds, Func<int, CancellationToken, Task<TimeSpan>> once)
    {
        // A short warm-up, then the measured window.
        using (var warm = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Min(2, seconds / 3))))
        {
            await LoopAsync(connections, once, warm.Token);
        }

        using var window = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var started = Stopwatch.GetTimestamp();
        var (latencies, errors) = await LoopAsync(connections, once, window.Token);
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        latencies.Sort();
        return new Figures(latencies.Count, errors, latencies.Count / wall, Percentile(latencies, 50), Percentile(latencies, 99));
    }

    private static async Task<(List<double> LatenciesMs, int Errors)> LoopAsync(int connections, Func<int, CancellationToken, Task<TimeSpan>> once, CancellationToken stop)
    {
        var latencies = new List<double>();
        var errors = 0;
        // Loop k takes accounts k, k + loops, k + 2 loops...: with a multiple of the loops in accounts no two loops
        // share one, so one device-bound key never signs twice at once (its counters could then arrive out of order,
        // which the service rightly refuses).
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async loop =>
        {
            for (var round = 0; !stop.IsCancellationRequested; round++)
            {
                try
                {
                    var took = await once(loop + (connections * round), CancellationToken.None);
                    lock (latencies)
                    {
                        latencies.Add(took.TotalMilliseconds);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        return (latencies, errors);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string token, object? body, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request, ct);
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        if (response.StatusCode != status)
        {
            throw new HttpRequestException($"{what} answered {(int)response.StatusCode}");
        }
    }

    private static double Percentile(List<double> sorted, int p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

    private sealed record Figures(int Requests, int Errors, double Rps, double P50Ms, double P99Ms);
}
