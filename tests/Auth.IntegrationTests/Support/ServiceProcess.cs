using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Auth.IntegrationTests.Support;

/// <summary>
/// The built service (Auth.Api.dll) running as a process of its own, configured through environment variables, so
/// a test can kill it as hard as an operating system would.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServiceProcess(Process process, int port)
    {
        this.process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public HttpClient Client { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [ApiAssembly()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(ApiAssembly())!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var service = new ServiceProcess(Process.Start(start)!, port);
        service.process.OutputDataReceived += (_, e) => service.Append(e.Data);
        service.process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        service.process.BeginOutputReadLine();
        service.process.BeginErrorReadLine();
        await service.WaitUntilReadyAsync();
        return service;
    }

    /// <summary>SIGKILL: no shutdown hook, no flush, nothing but what the database already holds survives.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }

        process.Dispose();
        Client.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        try
        {
            await WaitForReadinessAsync();
        }
        catch (AssertionException e)
        {
            throw new AssertionException($"{e.Message} The service's output:\n{Output}");
        }
    }

    private Task WaitForReadinessAsync() =>
        Eventually.WaitUntilAsync(
            async () =>
            {
                if (process.HasExited)
                {
                    throw new AssertionException("The service exited before it was ready.");
                }

                try
                {
                    return (await Client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false; // Not listening yet.
                }
            },
            "the service to become ready",
            TimeSpan.FromSeconds(60));

    private void Append(string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>The Auth.Api build beside this test build (same configuration), which the project reference produced.</summary>
    private static string ApiAssembly()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        return Path.Combine(TestPaths.RepositoryRoot(), "src", "Auth.Api", "bin", configuration, "net10.0", "Auth.Api.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
