using System.Buffers.Binary;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Auth.IntegrationTests.Support;

/// <summary>
/// A small WebAuthn authenticator in software, as a browser and a platform authenticator together would answer: it
/// makes ECDSA P-256 keys (System.Security.Cryptography), writes attestation objects and COSE keys in CBOR
/// (System.Formats.Cbor, attestation format <c>none</c>), and signs assertions over authenticatorData and the hash of
/// clientDataJSON. The knobs (<see cref="Origin"/>, <see cref="RpId"/>, <see cref="UserVerified"/>, a counter set by
/// hand) let a test make each answer the service must refuse.
/// </summary>
public sealed class SoftwareAuthenticator(string origin = SoftwareAuthenticator.DefaultOrigin)
{
    /// <summary>The origin the integration tests' service allows (see AuthApiFactory), and the load harness's.</summary>
    public const string DefaultOrigin = "http://localhost:3000";

    private const byte UserPresent = 0x01;
    private const byte UserVerifiedFlag = 0x04;
    private const byte BackupEligibleFlag = 0x08;
    private const byte BackedUpFlag = 0x10;
    private const byte AttestedCredentialData = 0x40;

    private readonly Dictionary<string, Credential> credentials = [];

    /// <summary>What the browser writes in clientDataJSON.</summary>
    public string Origin { get; set; } = origin;

    /// <summary>The RP id whose hash starts authenticatorData; null takes the options' own.</summary>
    public string? RpId { get; set; }

    /// <summary>Whether the authenticator says it verified the user (PIN or biometric).</summary>
    public bool UserVerified { get; set; } = true;

    /// <summary>New credentials are synced passkeys (backup eligible and backed up) rather than device-bound.</summary>
    public bool Synced { get; set; }

    /// <summary>Corrupts each assertion's signature after signing.</summary>
    public bool BreakSignature { get; set; }

    public IReadOnlyCollection<Credential> Credentials => credentials.Values;

    /// <summary>Answers creation options (the service's JSON) like <c>navigator.credentials.create</c>: a new credential's <c>toJSON()</c>.</summary>
    public JsonObject Create(JsonElement options)
    {
        var rpId = RpId ?? options.GetProperty("rp").GetProperty("id").GetString()!;
        var userHandle = Base64UrlEncoder.DecodeBytes(options.GetProperty("user").GetProperty("id").GetString()!);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var id = RandomNumberGenerator.GetBytes(16);
        var credential = new Credential(id, key, userHandle, Synced);
        credentials[Base64UrlEncoder.Encode(id)] = credential;

        var clientData = ClientData("webauthn.create", options.GetProperty("challenge").GetString()!);
        var authData = AuthenticatorData(rpId, credential, AttestedCredentialData, attested: AttestedData(credential));
        var attestation = new CborWriter(CborConformanceMode.Lax);
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt");
        attestation.WriteTextString("none");
        attestation.WriteTextString("attStmt");
        attestation.WriteStartMap(0);
        attestation.WriteEndMap();
        attestation.WriteTextString("authData");
        attestation.WriteByteString(authData);
        attestation.WriteEndMap();

        return new JsonObject
        {
            ["id"] = Base64UrlEncoder.Encode(id),
            ["rawId"] = Base64UrlEncoder.Encode(id),
            ["type"] = "public-key",
            ["authenticatorAttachment"] = "platform",
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = Base64UrlEncoder.Encode(clientData),
                ["attestationObject"] = Base64UrlEncoder.Encode(attestation.Encode()),
                ["transports"] = new JsonArray("internal"),
            },
            ["clientExtensionResults"] = new JsonObject(),
        };
    }

    /// <summary>
    /// Answers request options like <c>navigator.credentials.get</c> with <paramref name="credential"/> (the only one
    /// held when not given): the assertion's <c>toJSON()</c>, its counter one higher than the last.
    /// </summary>
    public JsonObject Get(JsonElement options, Credential? credential = null, string? challenge = null)
    {
        credential ??= credentials.Values.Single();
        credential.SignCount++;
        var rpId = RpId ?? options.GetProperty("rpId").GetString()!;
        var clientData = ClientData("webauthn.get", challenge ?? options.GetProperty("challenge").GetString()!);
        var authData = AuthenticatorData(rpId, credential, 0, attested: null);
        var signature = credential.Key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        if (BreakSignature)
        {
            signature[^1] ^= 0x01;
        }

        return new JsonObject
        {
            ["id"] = Base64UrlEncoder.Encode(credential.Id),
            ["rawId"] = Base64UrlEncoder.Encode(credential.Id),
            ["type"] = "public-key",
            ["authenticatorAttachment"] = "platform",
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = Base64UrlEncoder.Encode(clientData),
                ["authenticatorData"] = Base64UrlEncoder.Encode(authData),
                ["signature"] = Base64UrlEncoder.Encode(signature),
                ["userHandle"] = Base64UrlEncoder.Encode(credential.UserHandle),
            },
            ["clientExtensionResults"] = new JsonObject(),
        };
    }

    private byte[] ClientData(string type, string challenge) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type, challenge, origin = Origin, crossOrigin = false }));

    private byte[] AuthenticatorData(string rpId, Credential credential, byte extraFlags, byte[]? attested)
    {
        var flags = (byte)(UserPresent | extraFlags | (UserVerified ? UserVerifiedFlag : 0)
            | (credential.Synced ? BackupEligibleFlag | BackedUpFlag : 0));
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, credential.SignCount);
        return [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), flags, .. counter, .. attested ?? []];
    }

    /// <summary>AAGUID (zeros, as with attestation <c>none</c>), the credential id's length and itself, and the COSE public key.</summary>
    private static byte[] AttestedData(Credential credential)
    {
        var point = credential.Key.ExportParameters(includePrivateParameters: false).Q;
        var cose = new CborWriter(CborConformanceMode.Lax);
        cose.WriteStartMap(5);
        cose.WriteInt32(1);   // kty: EC2
        cose.WriteInt32(2);
        cose.WriteInt32(3);   // alg: ES256
        cose.WriteInt32(-7);
        cose.WriteInt32(-1);  // crv: P-256
        cose.WriteInt32(1);
        cose.WriteInt32(-2);  // x
        cose.WriteByteString(point.X!);
        cose.WriteInt32(-3);  // y
        cose.WriteByteString(point.Y!);
        cose.WriteEndMap();
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)credential.Id.Length);
        return [.. new byte[16], .. length, .. credential.Id, .. cose.Encode()];
    }

    /// <summary>A key this authenticator holds; <see cref="SignCount"/> can be set back to play a cloned key.</summary>
    public sealed class Credential(byte[] id, ECDsa key, byte[] userHandle, bool synced)
    {
        public byte[] Id { get; } = id;

        public ECDsa Key { get; } = key;

        public byte[] UserHandle { get; } = userHandle;

        public bool Synced { get; } = synced;

        public uint SignCount { get; set; }
    }
}
