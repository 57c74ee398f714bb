using Auth.Application.Abstractions;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Security.Tokens;

internal sealed class TokenLifetimes(IOptions<JwtOptions> options) : ITokenLifetimes
{
    public TimeSpan AccessToken => options.Value.AccessTokenLifetime;

    public TimeSpan RefreshToken => options.Value.RefreshTokenLifetime;

    public TimeSpan RefreshTokenIdle => options.Value.RefreshTokenIdleLifetime;

    public TimeSpan RefreshReuseGrace => options.Value.RefreshTokenReuseGrace;

    public TimeSpan ClockSkew => options.Value.ClockSkew;
}
