using System.Diagnostics;

namespace Auth.IntegrationTests.Support;

/// <summary>The built Auth.Api started as a real process, as an operator starts it: for what only a process shows (exit code, console).</summary>
internal static class ApiProcess
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    /// <summary>Runs the service with these environment variables until it exits; the settings must make it stop by itself.</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(BuildDirectory(), "Auth.Api.dll")])
        {
            WorkingDirectory = BuildDirectory(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"Auth.Api did not exit within {Deadline}; output so far:\n{await output}\n{await error}");
        }

        return (process.ExitCode, await output + await error);
    }

    /// <summary>The Api's own output folder, built beside this test project with the same configuration.</summary>
    private static string BuildDirectory()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var directory = Path.Combine(TestPaths.RepositoryRoot(), "src", "Auth.Api", "bin", testOutput.Parent!.Name, testOutput.Name);
        return File.Exists(Path.Combine(directory, "Auth.Api.dll"))
            ? directory
            : throw new InvalidOperationException($"Auth.Api is not built at {directory}.");
    }
}
