using Auth.Application.Abstractions;
using QRCoder;

namespace Auth.Infrastructure.Security.Mfa;

/// <summary>QR codes as SVG with QRCoder: medium error correction, which phone cameras read easily off a screen.</summary>
internal sealed class QrCoderSvgRenderer : IQrCodeRenderer
{
    private const int PixelsPerModule = 4;

    public string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(PixelsPerModule);
    }
}
