using Microsoft.IdentityModel.Tokens;

namespace Auth.Infrastructure.Security.Tokens.Caching;

/// <summary>
/// What a cache hit hands the bearer handler as the validated token: its id, issuer and validity times, which is all
/// the handler reads from it (the claims travel in the identity). No key and no raw text are kept.
/// </summary>
public sealed class CachedSecurityToken(string id, string issuer, DateTime validFrom, DateTime validTo) : SecurityToken
{
    public override string Id => id;

    public override string Issuer => issuer;

    public override SecurityKey? SecurityKey => null;

    public override SecurityKey? SigningKey { get; set; }

    public override DateTime ValidFrom => validFrom;

    public override DateTime ValidTo => validTo;

    public override string UnsafeToString() => $"cached access token {id}";
}
