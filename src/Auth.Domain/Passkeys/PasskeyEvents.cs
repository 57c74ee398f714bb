using Auth.Domain.Events;
using Auth.Domain.Users;

namespace Auth.Domain.Passkeys;

/// <summary>Why a passkey ceremony was refused: the audit trail keeps it, the client only hears <c>invalid_passkey</c>.</summary>
public enum PasskeyRefusal
{
    /// <summary>The challenge is unknown, expired or already used.</summary>
    UnknownChallenge,

    /// <summary>No account has this credential (or not the account the ceremony was for).</summary>
    UnknownCredential,

    /// <summary>The browser's answer does not verify: origin, RP id, challenge, flags or signature.</summary>
    Unverified,

    /// <summary>A device-bound passkey reported a counter not above the stored one: a copy of the key may exist.</summary>
    CounterRegressed,

    /// <summary>The credential is already registered.</summary>
    AlreadyRegistered,
}

/// <summary>A passkey was added to the account: the owner is told, in case it was not them.</summary>
public sealed record PasskeyRegistered(Guid UserId, string Email, Guid PasskeyId, DateTimeOffset At) : IDomainEvent, IMailEvent;

/// <summary>A passkey was removed from the account.</summary>
public sealed record PasskeyRemoved(Guid UserId, string Email, Guid PasskeyId, DateTimeOffset At) : IDomainEvent, IMailEvent;

public sealed record PasskeyRenamed(Guid UserId, Guid PasskeyId, DateTimeOffset At) : IDomainEvent;

/// <summary>A registration or sign-in with a passkey was refused; the account when one is known.</summary>
public sealed record PasskeyRefused(Guid? UserId, PasskeyCeremony Ceremony, PasskeyRefusal Reason, DateTimeOffset At) : IDomainEvent;
