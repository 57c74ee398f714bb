namespace Auth.BrowserTests.Support;

/// <summary>samples/web, which the browser loads as compiled ES modules from its dist/ folder.</summary>
internal static class SampleApp
{
    public static string RequireBuilt()
    {
        var entry = Path.Combine(RepositoryPaths.SampleApp, "dist", "samples", "web", "src", "main.js");
        if (File.Exists(entry))
        {
            return RepositoryPaths.SampleApp;
        }

        var message = $"The sample app is not built ({entry} is missing): run `npm ci && npm run build` in samples/web.";
        Prerequisite.Missing(message);
        return "";
    }
}
