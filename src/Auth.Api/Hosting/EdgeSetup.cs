using Auth.Api.Http;
using Microsoft.Extensions.Options;

namespace Auth.Api.Hosting;

/// <summary>What sits in front of the service: the proxies it trusts, HTTPS redirection and HSTS.</summary>
internal static class EdgeSetup
{
    public static IServiceCollection AddEdge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ForwardedHeadersSettings>().Bind(configuration.GetSection(ForwardedHeadersSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ForwardedHeadersSettingsValidator>();
        services.ConfigureOptions<ForwardedHeadersSetup>();

        services.AddOptions<HttpsSettings>().Bind(configuration.GetSection(HttpsSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HttpsSettings>, HttpsSettingsValidator>();
        var https = HttpsSettings.Read(configuration);
        services.AddHttpsRedirection(o =>
        {
            o.HttpsPort = https.Port;
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = https.HstsMaxAge;
            o.IncludeSubDomains = https.HstsIncludeSubDomains;
        });
        return services;
    }

    /// <summary>First in the pipeline: every later step (rate limits, sessions, audit) sees the client's address.</summary>
    public static WebApplication UseEdge(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var https = HttpsSettings.Read(app.Configuration);
        if (https.Hsts)
        {
            app.UseHsts();
        }

        if (https.Redirect)
        {
            app.UseHttpsRedirection();
        }

        return app;
    }
}
