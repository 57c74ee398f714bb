using Microsoft.IdentityModel.Tokens;

namespace Auth.Infrastructure.Security.Tokens;

/// <summary>
/// The lifetime check of a token handler, on the injected <see cref="TimeProvider"/>: the handler itself reads the
/// system clock, so tests could not move time.
/// </summary>
internal static class ClockLifetime
{
    public static LifetimeValidator Validator(TimeProvider time) => (notBefore, expires, _, parameters) =>
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } exp && exp.ToUniversalTime() > now - parameters.ClockSkew
            && (notBefore is not { } nbf || nbf.ToUniversalTime() <= now + parameters.ClockSkew);
    };
}
