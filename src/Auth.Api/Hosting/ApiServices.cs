using Auth.Api.Authentication;
using Auth.Api.Errors;
using Auth.Api.Http;
using Auth.Api.OpenApi;
using Auth.Api.Telemetry;
using Auth.Application.Common.Behaviors;
using Auth.Infrastructure.Authentication;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Auth.Api.Hosting;

internal static class ApiServices
{
    public const string CorsPolicy = "frontends";

    public const string AdminPolicy = "admin";

    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddMediator(options =>
        {
            // Handlers take the scoped DbContext, so the mediator must be scoped too.
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(Application.DependencyInjection).Assembly];
            options.PipelineBehaviors = [typeof(Telemetry.CommandTracingBehavior<,>), typeof(ValidationBehavior<,>)];
        });

        services.AddControllers(o => o.Conventions.Add(new BodyErrorResponsesConvention()))
            .ConfigureApiBehaviorOptions(o => o.InvalidModelStateResponseFactory = InvalidModelStateResponse.Create)
            // A JSON error's message names .NET types; clients get a plain "not valid" instead.
            .AddJsonOptions(o =>
            {
                o.AllowInputFormatterExceptionMessages = false;
                // {"email":A,"email":B} would otherwise mean B: two parsers of one body must never disagree.
                o.JsonSerializerOptions.AllowDuplicateProperties = false;
            });

        services.AddSingleton<Microsoft.AspNetCore.Mvc.Infrastructure.IClientErrorFactory, ClientErrorProblems>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsCustomization.Apply);
        services.AddExceptionHandler<ValidationExceptionHandler>();
        services.AddExceptionHandler<UnexpectedExceptionHandler>();

        services.AddTokenAuthentication();
        services.ConfigureOptions<BearerChallengeProblems>();
        services.AddAuthorization(o => o.AddPolicy(AdminPolicy, p => p.RequireRole(Domain.Users.RoleNames.Admin)));

        services.AddOptions<RefreshTokenTransportOptions>().Bind(configuration.GetSection(RefreshTokenTransportOptions.Section)).ValidateOnStart();
        services.AddSingleton<RefreshTokenCookie>();
        services.AddSingleton<DeviceTokenTransport>();
        services.AddCredentialRateLimits(configuration);
        services.AddEdge(configuration);
        services.AddAuthTelemetry(configuration);
        AddCors(services, configuration, environment);
        services.AddAuthSwagger();
        return services;
    }

    private static void AddCors(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<CorsSettings>()
            .Configure(settings => settings.AllowLocalhost = environment.IsDevelopment())
            .Bind(configuration.GetSection(CorsSettings.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CorsSettings>, CorsSettingsValidator>();
        services.AddCors();
        // Built from the validated options when first needed, never from raw configuration at registration.
        services.AddOptions<CorsOptions>().Configure<IOptions<CorsSettings>, IOptions<RefreshTokenTransportOptions>>((cors, validated, transport) =>
            cors.AddPolicy(CorsPolicy, policy => Frontends(policy, validated.Value, transport.Value.RefreshTokenTransport == RefreshTokenTransport.Cookie)));
    }

    private static void Frontends(CorsPolicyBuilder policy, CorsSettings settings, bool withCredentials)
    {
        policy
            .SetIsOriginAllowed(withCredentials ? settings.IsConfigured : settings.IsAllowed)
            .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Patch, HttpMethods.Delete)
            .WithHeaders("Authorization", "Content-Type", RefreshTokenCookie.CsrfHeader, DeviceTokenTransport.HeaderName)
            .WithExposedHeaders("Location", "Retry-After", "WWW-Authenticate")
            .SetPreflightMaxAge(TimeSpan.FromHours(1));
        if (withCredentials)
        {
            // The refresh cookie rides on credentialed calls: only the exact configured origins may make them.
            policy.AllowCredentials();
        }
    }
}
