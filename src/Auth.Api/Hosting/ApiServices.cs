using Auth.Api.Authentication;
using Auth.Api.Errors;
using Auth.Api.Http;
using Auth.Api.OpenApi;
using Auth.Application.Common.Behaviors;
using Microsoft.AspNetCore.Authentication.JwtBearer;

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
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });

        services.AddControllers(o => o.Conventions.Add(new BodyErrorResponsesConvention()))
            .ConfigureApiBehaviorOptions(o => o.InvalidModelStateResponseFactory = InvalidModelStateResponse.Create)
            // A JSON error's message names .NET types; clients get a plain "not valid" instead.
            .AddJsonOptions(o => o.AllowInputFormatterExceptionMessages = false);

        services.AddSingleton<Microsoft.AspNetCore.Mvc.Infrastructure.IClientErrorFactory, ClientErrorProblems>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsCustomization.Apply);
        services.AddExceptionHandler<ValidationExceptionHandler>();
        services.AddExceptionHandler<UnexpectedExceptionHandler>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.ConfigureOptions<JwtBearerSetup>();
        services.AddAuthorization(o => o.AddPolicy(AdminPolicy, p => p.RequireRole(Domain.Users.RoleNames.Admin)));

        services.AddOptions<RefreshTokenTransportOptions>().Bind(configuration.GetSection(RefreshTokenTransportOptions.Section)).ValidateOnStart();
        services.AddSingleton<RefreshTokenCookie>();
        services.AddSingleton<DeviceTokenTransport>();
        services.AddCredentialRateLimits(configuration);
        AddCors(services, configuration, environment);
        services.AddAuthSwagger();
        return services;
    }

    private static void AddCors(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = new CorsSettings { AllowLocalhost = environment.IsDevelopment() };
        configuration.GetSection(CorsSettings.Section).Bind(settings);
        var withCredentials = RefreshTokenTransportOptions.Read(configuration) == RefreshTokenTransport.Cookie;
        services.AddCors(o => o.AddPolicy(CorsPolicy, policy =>
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
        }));
    }
}
