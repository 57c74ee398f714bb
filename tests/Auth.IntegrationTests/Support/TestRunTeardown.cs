using Auth.IntegrationTests.Support;

namespace Auth.IntegrationTests;

/// <summary>
/// Once the run is over: the PostgreSQL cluster, if a test started one, is stopped and deleted; test OpenID Providers
/// a test left running are killed.
/// </summary>
[SetUpFixture]
public sealed class TestRunTeardown
{
    [OneTimeTearDown]
    public void StopServers()
    {
        TestIdentityProvider.StopAll();
        PostgresCluster.StopIfStarted();
    }
}
