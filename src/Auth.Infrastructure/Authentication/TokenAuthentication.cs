using Auth.Infrastructure.Security.Tokens;
using Auth.Infrastructure.Security.Tokens.Caching;
using Auth.Infrastructure.Security.Tokens.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Authentication;

public static class TokenAuthentication
{
    /// <summary>The authentication scheme every protected endpoint uses.</summary>
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>
    /// Validation of the access tokens this service issues, beside the issuing: the same key ring and options,
    /// the validated-token cache, and the in-memory revocation check. Needs <c>AddInfrastructure</c>.
    /// </summary>
    public static AuthenticationBuilder AddTokenAuthentication(this IServiceCollection services)
    {
        services.AddSingleton(sp => new AccessTokenValidation(
            sp.GetRequiredService<IOptions<JwtOptions>>(), sp.GetRequiredService<SigningKeyRing>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ValidatedTokenCache(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CachingAccessTokenHandler>();
        services.ConfigureOptions<JwtBearerSetup>();
        return services.AddAuthentication(Scheme).AddJwtBearer();
    }
}
