using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests.Deployment;

/// <summary>
/// Bad settings, given to the real process: every problem told at once, each naming its setting, exit code 1, no
/// stack trace, and the database untouched.
/// </summary>
public sealed class StartupConfigurationTests
{
    [Test]
    public async Task Several_bad_settings_are_all_reported_at_once_and_the_database_is_not_touched()
    {
        var directory = TestPaths.NewDirectory();
        var database = Path.Combine(directory, "data", "auth.db");

        var (exitCode, output) = await ApiProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Auth"] = $"Data Source={database}",
            ["Email__Transport"] = "Pickup",
            ["Email__PickupDirectory"] = Path.Combine(directory, "mail"),
            ["Jwt__Keys__0__PemFile"] = Path.Combine(directory, "missing.pem"),
            ["Lockout__MaxFailures"] = "many",
            ["RateLimiting__PermitLimit"] = "0",
            ["Cors__AllowedOrigins__0"] = "https://app.example.com/",
            ["Database__Provider"] = "Oracle",
        });

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("5 configuration problems"));
            Assert.That(output, Does.Contain("Jwt:Keys:0:PemFile").And.Contain("does not exist"));
            Assert.That(output, Does.Contain("Lockout:MaxFailures"));
            Assert.That(output, Does.Contain("RateLimiting:PermitLimit must be at least 1"));
            Assert.That(output, Does.Contain("Cors:AllowedOrigins:0 'https://app.example.com/' is not an origin"));
            Assert.That(output, Does.Contain("Database:Provider must be one of Sqlite, SqlServer"));
            AssertNoStackTrace(output);
            Assert.That(Directory.Exists(Path.GetDirectoryName(database)), Is.False, "the database was touched before the settings were checked");
        });
    }

    [Test]
    public async Task A_signing_key_file_that_cannot_be_read_is_a_clear_error_naming_the_setting()
    {
        // A folder where the key file should be: it exists but cannot be read as a file, whoever runs the test
        // (a mode-600 file would be readable by root).
        var unreadable = TestPaths.NewDirectory();

        var (exitCode, output) = await ApiProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Auth"] = $"Data Source={Path.Combine(TestPaths.NewDirectory(), "auth.db")}",
            ["Jwt__Keys__0__PemFile"] = unreadable,
        });

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain($"Jwt:Keys:0:PemFile '{unreadable}' cannot be read by the service's user"));
            AssertNoStackTrace(output);
        });
    }

    private static void AssertNoStackTrace(string output)
    {
        Assert.That(output, Does.Not.Contain("Unhandled exception"));
        Assert.That(output, Does.Not.Match(@"\n\s+at [\w.]+"), "a stack frame was printed");
    }
}
