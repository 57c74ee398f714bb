namespace Auth.Application.Common.Security;

/// <summary>
/// A User-Agent as a person reads it, in a mail or their sign-in history: a browser and a system from a fixed list
/// ("Firefox on Linux"), never the header's text, which the client chose and could fill with a link or a phone number.
/// </summary>
public static class DeviceDescription
{
    // Order matters: Edge and Opera also say Chrome, Chrome also says Safari, Android also says Linux, iOS says Mac OS.
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari"),
        ("curl/", "curl"), ("okhttp/", "an Android app"), ("CFNetwork/", "an Apple app"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Windows", "Windows"), ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"), ("Linux", "Linux"),
    ];

    public static string Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "unknown";
        }

        var browser = Find(Browsers, userAgent);
        var system = Find(Systems, userAgent);
        return (browser, system) switch
        {
            (null, null) => "an unrecognised app",
            (not null, null) => browser,
            (null, not null) => $"an app on {system}",
            _ => $"{browser} on {system}",
        };
    }

    private static string? Find((string Token, string Name)[] known, string userAgent)
    {
        foreach (var (token, name) in known)
        {
            if (userAgent.Contains(token, StringComparison.Ordinal))
            {
                return name;
            }
        }

        return null;
    }
}
