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
}
