using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Auth.Api.Http;

/// <summary>
/// Turns <see cref="ForwardedHeadersSettings"/> into the middleware's options. The framework trusts loopback by
/// default; here only the configured proxies count, and with none the middleware changes nothing.
/// </summary>
internal sealed class ForwardedHeadersSetup(IOptions<ForwardedHeadersSettings> settings) : IConfigureOptions<ForwardedHeadersOptions>
{
    public void Configure(ForwardedHeadersOptions options)
    {
        var trusted = settings.Value;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        if (!trusted.IsEnabled)
        {
            options.ForwardedHeaders = ForwardedHeaders.None;
            return;
        }

        // The host is not taken from the proxy: URLs this service publishes come from configuration (Jwt:PublicBaseUrl).
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = trusted.ForwardLimit;
        foreach (var proxy in trusted.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in trusted.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
