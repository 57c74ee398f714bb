namespace Auth.IntegrationTests.Support;

/// <summary>
/// A test class of the external sign-in: one real test provider for the class (a node process: started once), and a
/// fresh service with it configured, and a redirect-showing client, for each test.
/// </summary>
public abstract class ExternalSignInTest
{
    protected TestIdentityProvider Idp { get; private set; } = null!;

    protected AuthApiFactory Factory { get; private set; } = null!;

    protected HttpClient Browser { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartProvider() => Idp = await TestIdentityProvider.StartAsync([ExternalFlows.CallbackUrl]);

    [OneTimeTearDown]
    public async Task StopProvider() => await Idp.DisposeAsync();

    [SetUp]
    public void StartService()
    {
        Factory = ExternalFlows.CreateFactory(Idp);
        Browser = Factory.CreateBrowser();
    }

    [TearDown]
    public async Task StopService()
    {
        Browser.Dispose();
        await Factory.DisposeAsync();
    }
}
