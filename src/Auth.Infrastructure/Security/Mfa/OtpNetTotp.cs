using Auth.Application.Abstractions;
using Microsoft.Extensions.Options;
using OtpNet;

namespace Auth.Infrastructure.Security.Mfa;

/// <summary>RFC 6238 with Otp.NET: SHA-1, 6 digits, 30-second steps, one step of drift either side.</summary>
internal sealed class OtpNetTotp(IOptions<MfaOptions> options) : ITotp
{
    private const int SecretBytes = 20;
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(SecretBytes));

    public long? MatchStep(string secret, string code, DateTimeOffset now) =>
        new Totp(Base32Encoding.ToBytes(secret)).VerifyTotp(now.UtcDateTime, code, out var step, Window) ? step : null;

    public string EnrolmentUri(string secret, string email, string name) =>
        new OtpUri(OtpType.Totp, secret, options.Value.AccountLabel == MfaAccountLabel.Name ? name : email, options.Value.Issuer).ToString();
}
