using Auth.Application.Abstractions;
using Auth.Infrastructure.Persistence.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.External;

internal static class ExternalSignInRegistration
{
    public static void AddExternalSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExternalProvidersOptions>()
            .Configure(o => configuration.GetSection(ExternalProvidersOptions.Section).Bind(o.Providers))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExternalProvidersOptions>, ExternalProvidersOptionsValidator>();
        services.AddOptions<ExternalSignInOptions>()
            .Bind(configuration.GetSection(ExternalSignInOptions.Section))
            .PostConfigure(o =>
            {
                if (o.ReturnOrigins.Length == 0)
                {
                    // The frontends the service already knows: those allowed to call it, and the one its mails link to.
                    var cors = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
                    o.ReturnOrigins = [.. cors, .. configuration["Email:LinkBaseUrl"] is { } link ? [link] : Array.Empty<string>()];
                }
            })
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromMinutes(1), "ExternalSignIn:Timeout must be between 00:00:00.001 and 00:01:00.")
            .ValidateOnStart();

        services.AddHttpClient(ExternalProviders.HttpClientName, (sp, http) =>
            {
                http.Timeout = sp.GetRequiredService<IOptions<ExternalSignInOptions>>().Value.Timeout;
                http.DefaultRequestHeaders.UserAgent.ParseAdd("auth-service");
            })
            // The default HTTP logging writes request URIs, and a callback's code or an authorize URL's state is in them.
            .RemoveAllLoggers();
        services.AddSingleton<IExternalProviders, ExternalProviders>();
        services.AddScoped<IExternalIdentityRepository, ExternalIdentityRepository>();
        services.AddScoped<IExternalSignInStore, ExternalSignInStore>();
    }
}
