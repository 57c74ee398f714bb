using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Auth.Application.External.Common;

/// <summary>
/// The frontend's proof key for an external sign-in's exchange: RFC 7636's S256, between the page that starts the
/// sign-in and this service (the service's own PKCE with the provider is separate). The page keeps a random verifier,
/// sends its SHA-256 as the challenge when it starts, and sends the verifier with the exchange code. A callback URL or
/// return URL forwarded to another browser carries the code but not the verifier, so it cannot sign that browser in
/// to the sender's account (login CSRF).
/// </summary>
public static class ExchangeProof
{
    /// <summary>Base64url of a SHA-256, without padding.</summary>
    public const int ChallengeLength = 43;

    public const int MinVerifierLength = 43;

    public const int MaxVerifierLength = 128;

    public static bool IsChallenge(string? value) => value is { Length: ChallengeLength } && value.All(IsBase64Url);

    /// <summary>RFC 7636 §4.1: 43 to 128 unreserved characters.</summary>
    public static bool IsVerifier(string? value) =>
        value is { Length: >= MinVerifierLength and <= MaxVerifierLength } && value.All(c => IsBase64Url(c) || c is '.' or '~');

    /// <summary>RFC 7636 S256: the verifier's SHA-256, base64url. Also the challenge this service sends its providers.</summary>
    public static string Challenge(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public static bool Matches(string verifier, string challenge) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Challenge(verifier)), Encoding.ASCII.GetBytes(challenge));

    private static bool IsBase64Url(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
