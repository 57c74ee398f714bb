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
        services.AddSingleton<Common.Authentication.AttemptTurns>();
        services.AddScoped<Common.Authentication.Lockout>();
        services.AddScoped<Common.Authentication.PasswordVerifier>();
        services.AddScoped<Common.Authentication.ReAuthentication>();
        services.AddScoped<Common.Authentication.SignIn>();
        services.AddScoped<Common.Authentication.PasswordRecheck>();
        services.AddScoped<Common.Authentication.KnownDevices>();
        services.AddScoped<Common.Authentication.MfaChallenges>();
        services.AddScoped<Common.Authentication.RecoveryCodes>();
        services.AddScoped<Common.Authentication.SecondFactor>();
        services.AddScoped<Common.Authentication.SecondFactorVerifier>();
        services.AddScoped<Common.Authentication.CodeReAuthentication>();
        services.AddScoped<Common.Authentication.PasskeyAssertions>();
        services.AddScoped<Common.Authentication.PasskeyVerifier>();
        services.AddScoped<Common.Authentication.ExternalVerifier>();
        services.AddScoped<External.Common.ExternalLinks>();
        services.AddScoped<Mfa.Common.MfaChanges>();
        services.AddScoped<Sessions.Common.SessionLimit>();
        services.AddSingleton<Admin.RecordRefusedCall.RefusedCallSampler>();
        services.AddScoped<Common.Events.EventOrigin>();
        services.AddScoped<Users.Common.AccountTokens>();
        services.AddScoped<Users.ForgotPassword.PasswordResetIssuer>();
        services.AddScoped<Admin.Common.AccessChangeGuard>();
        services.AddScoped<Admin.BootstrapAdmin.BootstrapAdminRule>();
        services.AddScoped<Common.Passwords.PasswordPolicy>();
        return services;
    }
}
