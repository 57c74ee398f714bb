using System.Security.Cryptography;
using System.Text;
using Auth.Application.Abstractions;
using Microsoft.IdentityModel.Tokens;

namespace Auth.Infrastructure.Security.Tokens;

/// <summary>AES-256-GCM under a key from HKDF-SHA256 of the sealing secret (a 256-bit random token).</summary>
internal sealed class AesGcmTokenSealer : ITokenSealer
{
    private const int KeyBytes = 32;
    private static readonly byte[] Info = "auth/refresh-successor/v1"u8.ToArray();

    public string Seal(string secret, string key)
    {
        var plaintext = Encoding.UTF8.GetBytes(secret);
        var output = new byte[AesGcm.NonceByteSizes.MaxSize + plaintext.Length + AesGcm.TagByteSizes.MaxSize];
        var nonce = output.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(DeriveKey(key), AesGcm.TagByteSizes.MaxSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(nonce.Length, plaintext.Length), output.AsSpan(nonce.Length + plaintext.Length));
        return Base64UrlEncoder.Encode(output);
    }

    public string? Unseal(string sealedSecret, string key)
    {
        var input = Base64UrlEncoder.DecodeBytes(sealedSecret);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        if (input.Length < nonceSize + tagSize)
        {
            return null;
        }

        var plaintext = new byte[input.Length - nonceSize - tagSize];
        using var aes = new AesGcm(DeriveKey(key), tagSize);
        try
        {
            aes.Decrypt(input.AsSpan(0, nonceSize), input.AsSpan(nonceSize, plaintext.Length), input.AsSpan(nonceSize + plaintext.Length), plaintext);
            return Encoding.UTF8.GetString(plaintext);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private static byte[] DeriveKey(string key) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(key), KeyBytes, salt: [], info: Info);
}
