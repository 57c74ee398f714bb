namespace Auth.Infrastructure.Security.Tokens.Keys;

/// <summary>The JWS algorithms the service signs with (RFC 7518 names).</summary>
public static class SigningAlgorithms
{
    public const string Rs256 = "RS256";
    public const string Es256 = "ES256";
    public const string Hs256 = "HS256";

    public static readonly IReadOnlyList<string> All = [Rs256, Es256, Hs256];

    public static bool IsAsymmetric(string algorithm) => algorithm is Rs256 or Es256;
}
