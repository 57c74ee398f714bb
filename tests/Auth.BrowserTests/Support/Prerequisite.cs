namespace Auth.BrowserTests.Support;

/// <summary>What the browser tests need from the machine (a Chromium, the built sample app).</summary>
internal static class Prerequisite
{
    private static int told;

    /// <summary>Skips the fixture on a developer's machine; fails it where CI is set, since CI installs everything.</summary>
    public static void Missing(string message)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail(message + " CI is set, so the browser tests may not skip.");
        }

        // `dotnet test` prints a skipped test's name but not its reason at the default verbosity; the error stream it
        // does print, once per run, so a developer sees why and what to install.
        if (Interlocked.Exchange(ref told, 1) == 0)
        {
            TestContext.Error.WriteLine($"Browser tests skipped: {message}");
        }

        Assert.Ignore(message);
    }
}
