namespace Auth.BrowserTests.Support;

internal static class RepositoryPaths
{
    /// <summary>The checkout the tests were built from: the folder above the test output holding Auth.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string ReactApp => Path.Combine(Root, "samples", "react");

    /// <summary>Where CI collects artifacts; failures leave their screenshot and console log here.</summary>
    public static string Artifacts => Path.Combine(Root, "TestResults", "browser");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Auth.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Auth.sln not found above the test output.");
    }
}
