using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.IntegrationTests.Support;

/// <summary>
/// The test server has no TCP peer; this sets the connection's remote address from a test-only header before the
/// service's pipeline runs, so tests can play a proxy or a client at a given address.
/// </summary>
public static class TestPeer
{
    public const string Header = "X-Test-Peer";

    /// <summary>A copy of <paramref name="factory"/> whose requests come from the address in <see cref="Header"/>.</summary>
    public static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithTestPeers(this AuthApiFactory factory) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, Filter>()));

    public static HttpRequestMessage From(this HttpRequestMessage request, string peer, string? forwardedFor = null)
    {
        request.Headers.Add(Header, peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return request;
    }

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextStep) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var peer))
                {
                    context.Connection.RemoteIpAddress = peer;
                }

                return nextStep(context);
            });
            next(app);
        };
    }
}
