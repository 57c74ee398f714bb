namespace Auth.BrowserTests.Support;

/// <summary>
/// Finds the system's Chromium (Debian's <c>chromium</c> package): Playwright's own browser download is not available
/// here. Without one, a developer's run skips these tests with a message saying what to install; CI (the <c>CI</c>
/// variable set) never skips, so a missing browser fails the build instead of passing silently.
/// </summary>
internal static class Chromium
{
    public const string PathVariable = "CHROMIUM_PATH";

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    public static string RequireExecutable()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        var found = string.IsNullOrEmpty(configured) ? Candidates.FirstOrDefault(File.Exists) : configured;
        if (found is not null && File.Exists(found))
        {
            return found;
        }

        var message = $"No Chromium binary found (looked at {PathVariable} and {string.Join(", ", Candidates)}). "
            + $"Install it with `apt-get install chromium`, or set {PathVariable} to a Chromium or Chrome binary.";
        Prerequisite.Missing(message);
        return "";
    }
}
