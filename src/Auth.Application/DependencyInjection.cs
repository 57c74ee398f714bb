using Auth.Application.Sessions.Common;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Validators and the use cases' shared services. The mediator itself is added by the host, because its
    /// source generator must run in the project that calls <c>AddMediator</c>.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton);
        services.AddScoped<SessionStarter>();
        services.AddScoped<SessionRevoker>();
        services.AddScoped<Common.Events.EventOrigin>();
        services.AddScoped<Sessions.Login.LoginThrottler>();
        services.AddSingleton<Sessions.Login.PerEmailTurns>();
        services.AddScoped<Users.Common.AccountTokens>();
        services.AddScoped<Admin.Common.AccessChangeGuard>();
        services.AddScoped<Admin.BootstrapAdmin.BootstrapAdminRule>();
        return services;
    }
}
