using System.Security.Cryptography;
using System.Text;
using Auth.Application.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Auth.Infrastructure.Security.Mfa;

/// <summary>
/// TOTP secrets under AES-256-GCM with the configured key (see docs/decisions/0009-mfa-secrets-at-rest.md);
/// recovery codes under HMAC-SHA256 with a key derived from it, so the database alone reveals neither.
/// </summary>
internal sealed class AesGcmMfaSecretProtector : IMfaSecretProtector
{
    // A version prefix, so a later key or scheme can tell its own ciphertexts apart.
    private const string Prefix = "v1.";
    private static readonly byte[] RecoveryCodeInfo = "auth/recovery-code/v1"u8.ToArray();

    private readonly byte[] encryptionKey;
    private readonly byte[] recoveryCodeKey;

    public AesGcmMfaSecretProtector(IOptions<MfaOptions> options)
    {
        encryptionKey = MfaEncryptionKey.Decode(options.Value.EncryptionKey)
            ?? throw new InvalidOperationException("Auth:Mfa:EncryptionKey is not a 32-byte base64 key.");
        recoveryCodeKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, encryptionKey, MfaEncryptionKey.KeyBytes, salt: [], info: RecoveryCodeInfo);
    }

    public string Protect(string secret)
    {
        var plaintext = Encoding.UTF8.GetBytes(secret);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var output = new byte[nonceSize + plaintext.Length + tagSize];
        RandomNumberGenerator.Fill(output.AsSpan(0, nonceSize));
        using var aes = new AesGcm(encryptionKey, tagSize);
        aes.Encrypt(output.AsSpan(0, nonceSize), plaintext, output.AsSpan(nonceSize, plaintext.Length), output.AsSpan(nonceSize + plaintext.Length));
        return Prefix + Base64UrlEncoder.Encode(output);
    }

    public string? Unprotect(string protectedSecret)
    {
        if (!protectedSecret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var input = Base64UrlEncoder.DecodeBytes(protectedSecret[Prefix.Length..]);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        if (input.Length < nonceSize + tagSize)
        {
            return null;
        }

        var plaintext = new byte[input.Length - nonceSize - tagSize];
        using var aes = new AesGcm(encryptionKey, tagSize);
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

    public byte[] HashRecoveryCode(string normalizedCode) => HMACSHA256.HashData(recoveryCodeKey, Encoding.UTF8.GetBytes(normalizedCode));
}
