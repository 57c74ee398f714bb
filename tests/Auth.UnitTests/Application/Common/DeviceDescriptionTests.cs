using Auth.Application.Common.Security;

namespace Auth.UnitTests.Application.Common;

public class DeviceDescriptionTests
{
    [TestCase("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows")]
    [TestCase("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Linux")]
    [TestCase("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome on Android")]
    [TestCase("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari on iOS")]
    [TestCase("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on macOS")]
    [TestCase("curl/8.5.0", "curl")]
    [TestCase("MyCompanyApp/2.1 (Windows)", "an app on Windows")]
    [TestCase("Call +1 555 0100 now or visit https://evil.example", "an unrecognised app")]
    [TestCase("", "unknown")]
    [TestCase(null, "unknown")]
    public void A_user_agent_becomes_a_browser_and_system_from_a_fixed_list(string? userAgent, string expected) =>
        Assert.That(DeviceDescription.Of(userAgent), Is.EqualTo(expected));

    [Test]
    public void Text_the_client_chose_never_comes_through()
    {
        var described = DeviceDescription.Of("Mozilla/5.0 (Windows) Chrome/1 -- call +1 555 0100, https://evil.example/login");

        Assert.That(described, Is.EqualTo("Chrome on Windows"));
    }
}
