using System.Security.Cryptography;
using System.Text;
using Auth.Application.Abstractions;
using Microsoft.IdentityModel.Tokens;

namespace Auth.Infrastructure.Security.Tokens;

/// <summary>
/// 256-bit random, URL-safe refresh tokens. Stored as SHA-256: the token has full entropy, so a fast hash is
/// enough and a database leak does not hand out working tokens.
/// </summary>
internal sealed class RefreshTokenGenerator : IRefreshTokenGenerator
{
    private const int TokenBytes = 32;

    public NewRefreshToken Create()
    {
        var value = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(TokenBytes));
        return new NewRefreshToken(value, Hash(value));
    }

    public string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
