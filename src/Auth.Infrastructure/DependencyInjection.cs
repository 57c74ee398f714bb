using Auth.Application.Abstractions;
using Auth.Infrastructure.Accounts;
using Auth.Infrastructure.Audit;
using Auth.Infrastructure.Devices;
using Auth.Infrastructure.Logging;
using Auth.Infrastructure.Mail;
using Auth.Infrastructure.Persistence;
using Auth.Infrastructure.Persistence.Caching;
using Auth.Infrastructure.Persistence.Repositories;
using Auth.Infrastructure.Revocation;
using Auth.Infrastructure.Security;
using Auth.Infrastructure.Security.Passwords;
using Auth.Infrastructure.Security.Passwords.Breaches;
using Auth.Infrastructure.Security.Tokens;
using Auth.Infrastructure.Security.Tokens.Caching;
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
        AddPersistence(services, configuration, environment);
        AddSecurity(services, configuration);
        AddRevocation(services, configuration);
        AddAccounts(services, configuration);
        AddEmail(services, configuration);
        AddAudit(services, configuration);
        services.AddHealthChecks().AddCheck<DatabaseReadinessCheck>("database", tags: [ReadinessTag]);
        return services;
    }

    private static void AddPersistence(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ConnectionStrings.Resolve(configuration, database, environment);
        if (database.Provider == DatabaseProvider.SqlServer)
        {
            services.AddDbContextPool<AuthDbContext, SqlServerAuthDbContext>((sp, o) =>
                o.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()).AddInterceptors(sp.GetRequiredService<UserCacheInvalidator>()));
        }
        else
        {
            services.AddDbContextPool<AuthDbContext, SqliteAuthDbContext>((sp, o) =>
                o.UseSqlite(connectionString).AddInterceptors(sp.GetRequiredService<UserCacheInvalidator>(),
                    new SqliteConnectionSetup(database.SqliteSyncEveryCommit)));
        }

        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<ISessionRepository, SessionRepository>();
        services.AddScoped<ILoginThrottleStore, LoginThrottleStore>();
        services.AddScoped<IKnownDeviceRepository, KnownDeviceRepository>();
        services.AddScoped<IAccountTokenRepository, AccountTokenRepository>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddSingleton(_ => new SqliteWriteGate(enabled: database.Provider == DatabaseProvider.Sqlite));
        services.AddSingleton(sp => new UserViewCache(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<UserCacheInvalidator>();
        services.AddScoped<IUserViewReader, UserViewReader>();
    }

    private static void AddSecurity(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PasswordHashingOptions>().Bind(configuration.GetSection(PasswordHashingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PasswordHashingOptions>, PasswordHashingOptionsValidator>();
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
        services.AddSingleton(sp => new AccessTokenValidation(
            sp.GetRequiredService<IOptions<JwtOptions>>(), sp.GetRequiredService<SigningKeyRing>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAccessTokenIssuer, JwtAccessTokenIssuer>();
        services.AddSingleton(sp => new ValidatedTokenCache(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CachingAccessTokenHandler>();
        services.AddSingleton<IRefreshTokenGenerator, RefreshTokenGenerator>();
        services.AddSingleton<ITokenSealer, AesGcmTokenSealer>();
        services.AddSingleton<ITokenLifetimes, TokenLifetimes>();
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
    }

    private static void AddAccounts(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccountOptions>, AccountOptionsValidator>();
        services.AddSingleton<IAccountPolicy, AccountPolicy>();
    }

    private static void AddEmail(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddSingleton<EmailQueue>();
        services.AddSingleton<IAccountMailer, AccountMailer>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<PickupDirectoryEmailSender>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Transport == EmailTransport.Pickup
            ? sp.GetRequiredService<PickupDirectoryEmailSender>()
            : sp.GetRequiredService<SmtpEmailSender>());
        services.AddHostedService<EmailDispatcher>();
    }

    private static void AddAudit(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        services.AddSingleton<AuditQueue>();
        services.AddSingleton<ISecurityEventLog, SecurityEventLogger>();
        services.AddScoped<AuditStore>();
        services.AddHostedService<AuditWriter>();
        services.AddHostedService<AuditPruner>();
    }
}
