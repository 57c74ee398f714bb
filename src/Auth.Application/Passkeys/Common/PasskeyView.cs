using Auth.Domain.Passkeys;

namespace Auth.Application.Passkeys.Common;

/// <summary>A passkey as its owner sees it; never the key or the credential id.</summary>
public sealed record PasskeyView(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, bool BackupEligible, bool BackedUp, IReadOnlyList<string> Transports)
{
    public static PasskeyView Of(Passkey passkey) =>
        new(passkey.Id, passkey.Name, passkey.CreatedAt, passkey.LastUsedAt, passkey.BackupEligible, passkey.BackedUp, passkey.Transports);
}

/// <summary>A sign-in ceremony begun: the id to send back with the assertion, and the options (JSON) for the browser.</summary>
public sealed record PasskeySignInOptions(Guid ChallengeId, string Options);
