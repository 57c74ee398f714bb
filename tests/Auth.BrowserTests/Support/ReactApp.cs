namespace Auth.BrowserTests.Support;

/// <summary>samples/react, which the browser loads as Vite built it into dist/.</summary>
internal static class ReactApp
{
    public static string RequireBuilt()
    {
        var dist = Path.Combine(RepositoryPaths.ReactApp, "dist");
        if (File.Exists(Path.Combine(dist, "index.html")))
        {
            return dist;
        }

        var message = $"The React sample is not built ({dist} is missing): run `npm ci && npm run build` in samples/react.";
        Prerequisite.Missing(message);
        return "";
    }
}
