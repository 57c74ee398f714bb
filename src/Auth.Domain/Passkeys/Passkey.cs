namespace Auth.Domain.Passkeys;

/// <summary>
/// A WebAuthn credential registered to an account: its id and public key (COSE), the signature counter the
/// authenticator last reported, and whether it may be copied to other devices (backup eligible: a synced passkey)
/// and has been. The private key never leaves the authenticator.
/// </summary>
public sealed class Passkey
{
    public const int MaxNameLength = 64;

    /// <summary>WebAuthn allows credential ids up to 1023 bytes.</summary>
    public const int MaxCredentialIdLength = 1023;

    // For EF Core.
    private Passkey()
    {
        CredentialId = PublicKey = [];
        Name = string.Empty;
        Transports = [];
    }

    private Passkey(Guid userId, NewPasskey credential, string name, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        UserId = userId;
        CredentialId = credential.CredentialId;
        PublicKey = credential.PublicKey;
        SignCount = credential.SignCount;
        BackupEligible = credential.BackupEligible;
        BackedUp = credential.BackedUp;
        Transports = credential.Transports;
        AaGuid = credential.AaGuid;
        Name = CleanName(name);
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public byte[] CredentialId { get; private set; }

    /// <summary>The credential's public key as the authenticator gave it (a COSE key).</summary>
    public byte[] PublicKey { get; private set; }

    /// <summary>
    /// The highest counter the authenticator reported. A concurrency token: two sign-ins presenting the same
    /// counter (a cloned device-bound key) cannot both commit.
    /// </summary>
    public long SignCount { get; private set; }

    /// <summary>The authenticator may copy the key to other devices (a synced passkey): fixed at registration.</summary>
    public bool BackupEligible { get; private set; }

    /// <summary>The key is copied to other devices, as of its last use.</summary>
    public bool BackedUp { get; private set; }

    /// <summary>How the browser reached the authenticator (<c>internal</c>, <c>usb</c>, <c>hybrid</c>...), as it said at registration.</summary>
    public string[] Transports { get; private set; }

    /// <summary>The authenticator's model, as it claims (unverified with attestation <c>none</c>).</summary>
    public Guid AaGuid { get; private set; }

    public string Name { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public static Passkey Register(Guid userId, NewPasskey credential, string? name, DateTimeOffset now) =>
        new(userId, credential, string.IsNullOrWhiteSpace(name) ? DefaultName(credential) : name, now);

    public void Rename(string name) => Name = CleanName(name);

    /// <summary>
    /// Whether an assertion reporting <paramref name="signCount"/> may be believed. A device-bound key's counter only
    /// goes up (a lower or equal one means a copy of the key signed in: refused). A synced passkey's copies each keep
    /// a counter of their own, so its counter says nothing about cloning and is not checked.
    /// </summary>
    public bool AcceptsCounter(uint signCount) => BackupEligible || (signCount == 0 && SignCount == 0) || signCount > SignCount;

    /// <summary>A sign-in with the key: the counter moves forward (never back), and the backup state is as it said.</summary>
    public void Used(uint signCount, bool backedUp, DateTimeOffset now)
    {
        SignCount = Math.Max(SignCount, signCount);
        BackedUp = backedUp;
        LastUsedAt = now;
    }

    private static string DefaultName(NewPasskey credential) => credential.BackupEligible ? "Synced passkey" : "Passkey on this device";

    /// <summary>Trimmed and composed (NFC) like a display name; validators keep it to <see cref="MaxNameLength"/> visible characters.</summary>
    private static string CleanName(string name)
    {
        var cleaned = Users.UnicodeText.Compose(name.Trim(), System.Text.NormalizationForm.FormC);
        return cleaned.Length > MaxNameLength ? cleaned[..MaxNameLength] : cleaned;
    }
}

/// <summary>A credential an authenticator just created, as the attestation verifier read it.</summary>
public sealed record NewPasskey(byte[] CredentialId, byte[] PublicKey, uint SignCount, bool BackupEligible, bool BackedUp, string[] Transports, Guid AaGuid);
