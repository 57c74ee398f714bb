using Auth.Domain.Passkeys;

namespace Auth.Domain.Users;

/// <summary>The account's passkeys are rows of their own; the account records each change to them.</summary>
public sealed partial class User
{
    /// <summary>
    /// The account can sign in with a password. An account made by an external provider has none until its owner
    /// sets one through the reset flow.
    /// </summary>
    public bool HasPassword => PasswordHash.Length > 0;

    /// <summary>The stored hash of an account without a password: it matches no password (see <see cref="HasPassword"/>).</summary>
    private const string NoPassword = "";

    /// <summary>A passkey was registered: a credential change, so the stamp moves (see <see cref="SecurityStamp"/>).</summary>
    public void AddedPasskey(Passkey passkey, DateTimeOffset now)
    {
        UpdatedAt = now;
        SecurityStamp = Guid.NewGuid();
        Raise(new PasskeyRegistered(Id, Email, passkey.Id, now));
    }

    /// <summary>A passkey was removed: a sign-in it was proving while this commits must not start a session.</summary>
    public void RemovedPasskey(Passkey passkey, DateTimeOffset now)
    {
        UpdatedAt = now;
        SecurityStamp = Guid.NewGuid();
        Raise(new PasskeyRemoved(Id, Email, passkey.Id, now));
    }

    public void RenamedPasskey(Passkey passkey, DateTimeOffset now) => Raise(new PasskeyRenamed(Id, passkey.Id, now));
}
