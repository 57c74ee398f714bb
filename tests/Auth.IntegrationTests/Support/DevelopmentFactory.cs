namespace Auth.IntegrationTests.Support;

/// <summary>The service as <c>dotnet run</c> starts it: Development, no signing key configured (one is generated).</summary>
public static class DevelopmentFactory
{
    public static AuthApiFactory Create(string? keyDirectory = null, string? database = null) =>
        new(database, environment: "Development", withSigningKey: false, settings: new Dictionary<string, string?>
        {
            ["Jwt:DevelopmentKeyDirectory"] = keyDirectory ?? TestPaths.NewDirectory(),
        });
}
