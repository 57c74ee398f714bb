using System.Runtime.InteropServices;

namespace Auth.BrowserTests.Support;

/// <summary>
/// Finds an installed Chromium or Chrome: <c>CHROMIUM_PATH</c> first, then the usual places on Linux, macOS and
/// Windows, then the <c>PATH</c>. Playwright's own browser download is not used (it is not reachable everywhere we
/// build). Without one, a developer's run skips these tests and says why; CI (the <c>CI</c> variable set) never skips.
/// </summary>
internal static class Chromium
{
    public const string PathVariable = "CHROMIUM_PATH";

    private static readonly string[] OnPath = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

    public static string RequireExecutable()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            if (File.Exists(configured))
            {
                return configured;
            }

            Prerequisite.Missing($"{PathVariable} is set to '{configured}', which does not exist.");
            return "";
        }

        var candidates = Candidates().ToArray();
        if (candidates.FirstOrDefault(File.Exists) is { } found)
        {
            return found;
        }

        Prerequisite.Missing($"No Chromium or Chrome found (looked at {PathVariable}, {string.Join(", ", candidates.Take(6))}, ... and the PATH). "
            + $"{InstallHint()} Or set {PathVariable} to a Chromium or Chrome binary.");
        return "";
    }

    private static IEnumerable<string> Candidates()
    {
        if (OperatingSystem.IsWindows())
        {
            foreach (var root in new[] { "ProgramFiles", "ProgramFiles(x86)", "LocalAppData" }.Select(Environment.GetEnvironmentVariable).OfType<string>())
            {
                yield return Path.Combine(root, "Google", "Chrome", "Application", "chrome.exe");
                yield return Path.Combine(root, "Chromium", "Application", "chrome.exe");
            }
        }
        else if (OperatingSystem.IsMacOS())
        {
            yield return "/Applications/Chromium.app/Contents/MacOS/Chromium";
            yield return "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
        }
        else
        {
            yield return "/usr/bin/chromium";
            yield return "/usr/bin/chromium-browser";
            yield return "/usr/bin/google-chrome";
            yield return "/usr/bin/google-chrome-stable";
            yield return "/snap/bin/chromium";
        }

        var executable = OperatingSystem.IsWindows() ? ".exe" : "";
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in OnPath)
            {
                yield return Path.Combine(directory, name + executable);
            }
        }
    }

    private static string InstallHint() =>
        OperatingSystem.IsWindows() ? "Install Google Chrome."
        : OperatingSystem.IsMacOS() ? "Install Chromium or Google Chrome (for example `brew install --cask chromium`)."
        : RuntimeInformation.OSDescription.Contains("Ubuntu", StringComparison.OrdinalIgnoreCase) ? "Install it with `sudo snap install chromium`."
        : "Install it with `sudo apt-get install chromium` (Debian) or your distribution's chromium package.";
}
