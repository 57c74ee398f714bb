namespace Auth.IntegrationTests.Support;

internal static class TestPaths
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "auth-tests", Guid.NewGuid().ToString("N"));

    public static string NewDatabaseFile()
    {
        Directory.CreateDirectory(Root);
        return Path.Combine(Root, $"{Guid.NewGuid():N}.db");
    }

    public static string NewDirectory()
    {
        var path = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The checkout the tests were built from: the folder above the test output holding Auth.sln.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Auth.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Auth.sln not found above the test output.");
    }
}
