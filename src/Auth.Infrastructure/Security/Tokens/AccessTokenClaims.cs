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

    /// <summary>RFC 8176 authentication methods of the session's sign-in (<c>pwd</c>, <c>otp</c>, <c>mfa</c>).</summary>
    public const string AuthenticationMethods = "amr";

    /// <summary>The session's assurance level, <c>aal1</c> or <c>aal2</c> (NIST SP 800-63B).</summary>
    public const string AssuranceLevel = "aal";

    /// <summary>RFC 9068 §2.1: the <c>typ</c> header of a JWT access token.</summary>
    public const string TokenType = "at+jwt";
}
