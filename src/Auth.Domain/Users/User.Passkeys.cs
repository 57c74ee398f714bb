using Auth.Domain.Passkeys;

namespace Auth.Domain.Users;

/// <summary>The account's passkeys are rows of their own; the account records each change to them.</summary>
public sealed partial class User
{
    /// <summary>
    /// The account can sign in with a password. Every account has one today (signup needs it); the check stands so
    /// that removing a passkey can never leave an account with no way in once passwordless accounts exist.
    /// </summary>
    public bool HasPassword => PasswordHash.Length > 0;

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
