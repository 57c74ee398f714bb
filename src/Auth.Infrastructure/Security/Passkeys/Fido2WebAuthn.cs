using System.Text.Json;
using Auth.Application.Abstractions;
using Auth.Domain.Passkeys;
using Auth.Domain.Users;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Security.Passkeys;

/// <summary>
/// The WebAuthn ceremonies through Fido2 (fido2-net-lib): it builds the options and verifies attestations and
/// assertions. This class only decides which origin a ceremony may come from (Fido2 knows exact origins; we also allow
/// <c>http://localhost:*</c> in Development), and reads the answers' JSON. The signature counter is left to
/// <see cref="Passkey.AcceptsCounter"/>, so Fido2 is handed a stored counter of 0 and never refuses on it.
/// </summary>
internal sealed partial class Fido2WebAuthn(IOptions<PasskeyOptions> settings, ILogger<Fido2WebAuthn> logger) : IWebAuthn
{
    /// <summary>The browser's timeout for a ceremony, matching how long its challenge is kept.</summary>
    private static readonly uint TimeoutMilliseconds = (uint)PasskeyChallenge.Lifetime.TotalMilliseconds;

    private PasskeyOptions Settings => settings.Value;

    public string CreationOptions(User user, IReadOnlyList<Passkey> existing)
    {
        var options = new Fido2(Configuration(origin: null)).RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = Application.Common.Authentication.PasskeyAssertions.UserHandle(user.Id), Name = user.Email, DisplayName = user.Name },
            ExcludeCredentials = [.. existing.Select(Descriptor)],
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Required,
                UserVerification = UserVerification,
            },
            AttestationPreference = Settings.Attestation switch
            {
                "direct" => AttestationConveyancePreference.Direct,
                "indirect" => AttestationConveyancePreference.Indirect,
                _ => AttestationConveyancePreference.None,
            },
            Extensions = new AuthenticationExtensionsClientInputs { CredProps = true },
        });
        return options.ToJson();
    }

    public async Task<NewPasskey?> VerifyAttestationAsync(string options, string attestation, CancellationToken cancellationToken)
    {
        if (Parse<AuthenticatorAttestationRawResponse>(attestation) is not { Response: { } response } raw
            || AllowedOrigin(response.ClientDataJson) is not { } origin)
        {
            return null;
        }

        try
        {
            var created = await new Fido2(Configuration(origin)).MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = raw,
                OriginalOptions = CredentialCreateOptions.FromJson(options),
                // Uniqueness is the caller's check, against every account.
                IsCredentialIdUniqueToUserCallback = (_, _) => Task.FromResult(true),
            }, cancellationToken);
            return new NewPasskey(created.Id, created.PublicKey, created.SignCount, created.IsBackupEligible, created.IsBackedUp,
                [.. (response.Transports ?? []).Select(TransportName)], created.AaGuid);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Refused(logger, "attestation", e);
            return null;
        }
    }

    public string RequestOptions(IReadOnlyList<Passkey> allowed) =>
        new Fido2(Configuration(origin: null)).GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = [.. allowed.Select(Descriptor)],
            UserVerification = UserVerification,
        }).ToJson();

    public PresentedAssertion? Read(string assertion) =>
        Parse<AuthenticatorAssertionRawResponse>(assertion) is { Response: { } response } raw && (raw.RawId ?? IdOf(raw.Id)) is { Length: > 0 } id
            ? new PresentedAssertion(id, response.UserHandle)
            : null;

    public async Task<VerifiedAssertion?> VerifyAssertionAsync(string options, string assertion, Passkey passkey, CancellationToken cancellationToken)
    {
        if (Parse<AuthenticatorAssertionRawResponse>(assertion) is not { Response: { } response } raw
            || AllowedOrigin(response.ClientDataJson) is not { } origin)
        {
            return null;
        }

        try
        {
            var verified = await new Fido2(Configuration(origin)).MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = raw,
                OriginalOptions = AssertionOptions.FromJson(options),
                StoredPublicKey = passkey.PublicKey,
                StoredSignatureCounter = 0,
                IsUserHandleOwnerOfCredentialIdCallback = (owner, _) =>
                    Task.FromResult(owner.UserHandle.AsSpan().SequenceEqual(Application.Common.Authentication.PasskeyAssertions.UserHandle(passkey.UserId))),
            }, cancellationToken);
            var flags = AuthenticatorData.Parse(response.AuthenticatorData);
            return new VerifiedAssertion(verified.SignCount, flags.IsBackupEligible, verified.IsBackedUp);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Refused(logger, "assertion", e);
            return null;
        }
    }

    private UserVerificationRequirement UserVerification => Settings.UserVerification switch
    {
        "preferred" => UserVerificationRequirement.Preferred,
        "discouraged" => UserVerificationRequirement.Discouraged,
        _ => UserVerificationRequirement.Required,
    };

    private Fido2Configuration Configuration(string? origin) => new()
    {
        RPID = Settings.RelyingPartyId,
        RPName = Settings.RelyingPartyName,
        Origins = origin is null ? new HashSet<string>() : new HashSet<string> { origin },
        Timeout = TimeoutMilliseconds,
    };

    /// <summary>The origin the browser put in clientDataJSON, when it is one this service allows; null otherwise.</summary>
    private string? AllowedOrigin(byte[]? clientDataJson)
    {
        if (clientDataJson is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(clientDataJson);
            if (!document.RootElement.TryGetProperty("origin", out var value) || value.GetString() is not { } origin)
            {
                return null;
            }

            return Settings.Origins.Contains(origin, StringComparer.Ordinal) || (Settings.AllowLocalhost && IsLocalhost(origin)) ? origin : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsLocalhost(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.Host == "localhost"
        && uri.GetLeftPart(UriPartial.Authority) == origin;

    private static T? Parse<T>(string json)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    private static byte[]? IdOf(string? id)
    {
        try
        {
            return id is null ? null : Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(id);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static PublicKeyCredentialDescriptor Descriptor(Passkey passkey) =>
        new(PublicKeyCredentialType.PublicKey, passkey.CredentialId,
            [.. passkey.Transports.Select(Transport).OfType<AuthenticatorTransport>()]);

    private static readonly Dictionary<AuthenticatorTransport, string> TransportNames = new()
    {
        [AuthenticatorTransport.Usb] = "usb",
        [AuthenticatorTransport.Nfc] = "nfc",
        [AuthenticatorTransport.Ble] = "ble",
        [AuthenticatorTransport.SmartCard] = "smart-card",
        [AuthenticatorTransport.Hybrid] = "hybrid",
        [AuthenticatorTransport.Internal] = "internal",
    };

    private static string TransportName(AuthenticatorTransport transport) => TransportNames[transport];

    private static AuthenticatorTransport? Transport(string name) =>
        TransportNames.FirstOrDefault(t => t.Value == name) is { Value: not null } found ? found.Key : null;

    /// <summary>Why the library refused, for whoever investigates; the audit trail has the refusal itself.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "A passkey {Ceremony} did not verify")]
    private static partial void Refused(ILogger logger, string ceremony, Exception exception);
}
