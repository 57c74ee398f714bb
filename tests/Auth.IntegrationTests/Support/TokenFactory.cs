using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth.IntegrationTests.Support;

/// <summary>Forges access tokens the way an attacker or a misconfigured peer would, one property off at a time.</summary>
public static class TokenFactory
{
    public static string Create(
        SigningCredentials? credentials = null,
        string issuer = "auth",
        string audience = "auth-clients",
        string type = "at+jwt",
        DateTime? notBefore = null,
        DateTime? expires = null,
        Guid? sessionId = null,
        Guid? userId = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            TokenType = type,
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore ?? now,
            NotBefore = notBefore ?? now,
            Expires = expires ?? now.AddMinutes(15),
            SigningCredentials = credentials ?? TestKeys.Rs256(AuthApiFactory.PrivateKeyPem, AuthApiFactory.KeyId),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = (userId ?? Guid.NewGuid()).ToString(),
                ["sid"] = (sessionId ?? Guid.NewGuid()).ToString(),
                ["jti"] = Guid.NewGuid().ToString(),
            },
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>The same token with its signature removed and <c>alg</c> set to <c>none</c>.</summary>
    public static string WithAlgNone(string token)
    {
        var parts = token.Split('.');
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}");
        return $"{header}.{parts[1]}.";
    }

    /// <summary>The same token with one claim changed in its payload and the original signature kept.</summary>
    public static string Tampered(string token, string claim, string value)
    {
        var parts = token.Split('.');
        var payload = System.Text.Json.Nodes.JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;
        payload[claim] = value;
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }
}
