using Auth.Application.Abstractions;
using Auth.Infrastructure.Accounts;
using Auth.Infrastructure.Audit;
using Auth.Infrastructure.Devices;
using Auth.Infrastructure.External;
using Auth.Infrastructure.Housekeeping;
using Auth.Infrastructure.Logging;
using Auth.Infrastructure.Mail;
using Auth.Infrastructure.Outbox;
using Auth.Infrastructure.Persistence;
using Auth.Infrastructure.Persistence.Caching;
using Auth.Infrastructure.Persistence.Providers;
using Auth.Infrastructure.Persistence.Repositories;
using Auth.Infrastructure.Revocation;
using Auth.Infrastructure.Security;
using Auth.Infrastructure.Security.Mfa;
using Auth.Infrastructure.Security.Passkeys;
using Auth.Infrastructure.Security.Passwords;
using Auth.Infrastructure.Security.Passwords.Breaches;
using Auth.Infrastructure.Security.Tokens;
using Auth.Infrastructure.Security.Tokens.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Auth.Infrastructure;

public static class DependencyInjection
{
    public const string ReadinessTag = "ready";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new Telemetry.AuthMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            sp.GetRequiredService<InMemoryRevocationList>(), sp.GetRequiredService<OutboxBacklog>()));
        AddPersistence(services, configuration, environment);
        AddSecurity(services, configuration);
        AddRevocation(services, configuration);
        AddAccounts(services, configuration);
        AddEmail(services, configuration);
        AddAudit(services, configuration);
        AddHousekeeping(services, configuration);
        AddOutbox(services, configuration);
        services.AddExternalSignIn(configuration);
        services.AddHealthChecks().AddCheck<DatabaseReadinessCheck>("database", tags: [ReadinessTag]);
        return services;
    }

    private static void AddPersistence(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>>(new DatabaseOptionsValidator(
            hasConnectionString: !string.IsNullOrWhiteSpace(configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)), environment));

        var database = DatabaseOptions.ForRegistration(configuration);
        // An unknown name registers the default so that the start-up check can report it with every other problem.
        var provider = DatabaseProviders.Find(database.Provider) ?? DatabaseProviders.All[0];
        provider.AddContext(services, ConnectionStrings.Resolve(configuration, database, provider, environment), database,
            (sp, o) => o.AddInterceptors(sp.GetRequiredService<UserCacheInvalidator>()));
        services.AddSingleton(provider);

        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<ISessionRepository, SessionRepository>();
        services.AddScoped<ILoginThrottleStore, LoginThrottleStore>();
        services.AddScoped<IKnownDeviceRepository, KnownDeviceRepository>();
        services.AddScoped<IAccountTokenRepository, AccountTokenRepository>();
        services.AddScoped<IRecoveryCodeRepository, RecoveryCodeRepository>();
        services.AddScoped<IMfaChallengeRepository, MfaChallengeRepository>();
        services.AddScoped<IPasskeyRepository, PasskeyRepository>();
        services.AddScoped<IPasskeyChallengeStore, PasskeyChallengeStore>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddSingleton(_ => new WriteGate(enabled: provider.SingleWriter));
        services.AddSingleton(sp => new UserViewCache(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<UserCacheInvalidator>();
        services.AddSingleton<DatabaseSchemaStatus>();
        services.AddScoped<IUserViewReader, UserViewReader>();
    }

    private static void AddSecurity(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PasswordHashingOptions>().Bind(configuration.GetSection(PasswordHashingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PasswordHashingOptions>, PasswordHashingOptionsValidator>();
        services.AddSingleton<Telemetry.HashingPace>();
        services.AddSingleton<IPasswordHasher, Argon2idPasswordHasher>();
        AddPasswordPolicy(services, configuration);

        services.AddOptions<LockoutOptions>().Bind(configuration.GetSection(LockoutOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LockoutOptions>, LockoutOptionsValidator>();
        services.AddSingleton<ILockoutPolicy, LockoutPolicy>();

        services.AddOptions<DeviceOptions>().Bind(configuration.GetSection(DeviceOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeviceOptions>, DeviceOptionsValidator>();
        services.AddSingleton<IDevicePolicy, DevicePolicy>();

        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.Section)).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<JwtOptions>, JwtOptionsSetup>();
        services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<ITokenSigningKeys>(sp => sp.GetRequiredService<SigningKeyRing>());
        services.AddSingleton<IAccessTokenIssuer, JwtAccessTokenIssuer>();
        services.AddSingleton<IRefreshTokenGenerator, RefreshTokenGenerator>();
        services.AddSingleton<ITokenSealer, AesGcmTokenSealer>();
        services.AddSingleton<ITokenLifetimes, TokenLifetimes>();
        AddMfa(services, configuration);
        AddPasskeys(services, configuration);
    }

    private static void AddPasskeys(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PasskeyOptions>().Bind(configuration.GetSection(PasskeyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PasskeyOptions>, PasskeyOptionsValidator>();
        services.AddSingleton<IWebAuthn, Fido2WebAuthn>();
    }

    private static void AddMfa(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MfaOptions>().Bind(configuration.GetSection(MfaOptions.Section)).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<MfaOptions>, MfaEncryptionKey>();
        services.AddSingleton<IValidateOptions<MfaOptions>, MfaOptionsValidator>();
        services.AddSingleton<IMfaPolicy, MfaPolicy>();
        services.AddSingleton<IMfaSecretProtector, AesGcmMfaSecretProtector>();
        services.AddSingleton<ITotp, OtpNetTotp>();
        services.AddSingleton<IQrCodeRenderer, QrCoderSvgRenderer>();
    }

    private static void AddPasswordPolicy(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PasswordOptions>().Bind(configuration.GetSection(PasswordOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PasswordOptions>, PasswordOptionsValidator>();
        services.AddSingleton<IPasswordPolicySettings, PasswordPolicySettings>();
        services.AddSingleton<IPasswordBlocklist, EmbeddedPasswordBlocklist>();

        services.AddSingleton<BreachCheckMetrics>();
        services.AddSingleton(sp =>
        {
            var breach = sp.GetRequiredService<IOptions<PasswordOptions>>().Value.BreachCheck;
            return new PwnedRangeCache(breach.CacheSize, breach.CacheDuration, sp.GetRequiredService<TimeProvider>());
        });
        services.AddHttpClient<IBreachedPasswords, PwnedPasswordsClient>(PwnedPasswordsClient.HttpClientName, (sp, http) =>
            {
                var breach = sp.GetRequiredService<IOptions<PasswordOptions>>().Value.BreachCheck;
                http.BaseAddress = breach.BaseUrl;
                http.DefaultRequestHeaders.UserAgent.ParseAdd("auth-service");
                // The resilience handler's total timeout governs; this only backs it up.
                http.Timeout = breach.Timeout + TimeSpan.FromSeconds(1);
            })
            // The default HTTP logging writes the request URI, whose range prefix narrows the password to a few hundred.
            .RemoveAllLoggers()
            .AddResilienceHandler(PwnedPasswordsClient.HttpClientName, (pipeline, context) =>
            {
                var timeout = context.ServiceProvider.GetRequiredService<IOptions<PasswordOptions>>().Value.BreachCheck.Timeout;
                // One quick retry of a transient failure, all within the one timeout a signup or login waits.
                pipeline.AddTimeout(timeout)
                    .AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 1, Delay = TimeSpan.FromMilliseconds(50), UseJitter = true })
                    .AddTimeout(timeout / 2);
            });
    }

    private static void AddRevocation(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RevocationOptions>().Bind(configuration.GetSection(RevocationOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RevocationOptions>, RevocationOptionsValidator>();
        services.AddSingleton<InMemoryRevocationList>();
        services.AddSingleton<IRevocationList>(sp => sp.GetRequiredService<InMemoryRevocationList>());
        services.AddSingleton<RevocationSynchronizer>();
        services.AddScoped<RevocationStore>();
        services.AddHostedService<RevocationRefresher>();
        services.AddSingleton<ICommittedEventObserver, LocalRevocationObserver>();
    }

    private static void AddAccounts(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccountOptions>, AccountOptionsValidator>();
        services.AddSingleton<IAccountPolicy, AccountPolicy>();
        services.AddSingleton<PasswordResetQueue>();
        services.AddSingleton<IPasswordResetRequests>(sp => sp.GetRequiredService<PasswordResetQueue>());
        services.AddHostedService<PasswordResetWorker>();
    }

    private static void AddEmail(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddSingleton<AccountMails>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<PickupDirectoryEmailSender>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Transport == EmailTransport.Pickup
            ? sp.GetRequiredService<PickupDirectoryEmailSender>()
            : sp.GetRequiredService<SmtpEmailSender>());
    }

    private static void AddHousekeeping(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HousekeepingOptions>().Bind(configuration.GetSection(HousekeepingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HousekeepingOptions>, HousekeepingOptionsValidator>();
        services.AddScoped<HousekeepingStore>();
        services.AddHostedService<HousekeepingPruner>();
    }

    private static void AddAudit(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        services.AddSingleton<ICommittedEventObserver, SecurityEventLogger>();
        services.AddScoped<AuditStore>();
        services.AddHostedService<AuditPruner>();
    }

    /// <summary>Events stored with their change, and the one dispatcher that applies their durable effects.</summary>
    private static void AddOutbox(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.AddScoped<EventOutbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxBacklog>();
        services.AddSingleton<IOutboxEffect, AuditEffect>();
        services.AddSingleton<IOutboxEffect, MailEffect>();
        services.AddScoped<OutboxProcessor>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddHostedService<OutboxPruner>();
    }
}
