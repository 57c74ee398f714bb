using Auth.Domain.External;

namespace Auth.Domain.Users;

/// <summary>Accounts that sign in through an external provider; the links are rows of their own, the account records each change.</summary>
public sealed partial class User
{
    /// <summary>
    /// An account made by a first sign-in with an external provider: no password (one can be set through the reset
    /// flow), and the address counts as confirmed only when the provider says it proved it.
    /// </summary>
    public static User RegisterExternal(string email, string name, bool emailVerified, DateTimeOffset now)
    {
        var user = Register(email, name, passwordHash: NoPassword, now);
        user.EmailConfirmed = emailVerified;
        return user;
    }

    /// <summary>A provider's account now signs in here: a credential change, so the stamp moves.</summary>
    public void LinkedExternalIdentity(ExternalIdentity identity, DateTimeOffset now)
    {
        UpdatedAt = now;
        SecurityStamp = Guid.NewGuid();
        Raise(new ExternalIdentityLinked(Id, Email, identity.Id, identity.Provider, now));
    }

    /// <summary>A provider's account no longer signs in here: a sign-in it was proving while this commits must not start a session.</summary>
    public void UnlinkedExternalIdentity(ExternalIdentity identity, DateTimeOffset now)
    {
        UpdatedAt = now;
        SecurityStamp = Guid.NewGuid();
        Raise(new ExternalIdentityUnlinked(Id, Email, identity.Id, identity.Provider, now));
    }
}
