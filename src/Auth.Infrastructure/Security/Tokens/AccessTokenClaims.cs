namespace Auth.Infrastructure.Security.Tokens;

/// <summary>Claim names of an access token (RFC 7519, RFC 9068, OpenID Connect).</summary>
public static class AccessTokenClaims
{
    public const string Subject = "sub";
    public const string TokenId = "jti";
    public const string SessionId = "sid";
    public const string Email = "email";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>RFC 9068 §2.1: the <c>typ</c> header of a JWT access token.</summary>
    public const string TokenType = "at+jwt";
}
