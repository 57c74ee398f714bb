namespace Auth.BrowserTests.Support;

/// <summary>What the browser tests need from the machine (a Chromium, the built sample app).</summary>
internal static class Prerequisite
{
    /// <summary>Skips the fixture on a developer's machine; fails it where CI is set, since CI installs everything.</summary>
    public static void Missing(string message)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail(message + " CI is set, so the browser tests may not skip.");
        }

        Assert.Ignore(message);
    }
}
