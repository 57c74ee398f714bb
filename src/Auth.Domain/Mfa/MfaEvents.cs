using Auth.Domain.Events;
using Auth.Domain.Users;

namespace Auth.Domain.Mfa;

/// <summary>Who changed the account's second factor.</summary>
public enum MfaChangeGrounds
{
    ByOwner,
    ByAdmin,
}

/// <summary>Two-step verification was turned on: the owner is told, in case it was not them.</summary>
public sealed record TotpEnabled(Guid UserId, string Email, DateTimeOffset At) : IDomainEvent, IMailEvent;

/// <summary>Two-step verification was turned off, by the owner or reset by an administrator.</summary>
public sealed record TotpDisabled(Guid UserId, string Email, MfaChangeGrounds Grounds, DateTimeOffset At) : IDomainEvent, IMailEvent;

/// <summary>A fresh set of recovery codes replaced the old one.</summary>
public sealed record RecoveryCodesRegenerated(Guid UserId, string Email, DateTimeOffset At) : IDomainEvent, IMailEvent;

/// <summary>A recovery code was spent; <paramref name="Left"/> remain.</summary>
public sealed record RecoveryCodeUsed(Guid UserId, string Email, int Left, DateTimeOffset At) : IDomainEvent, IMailEvent;

/// <summary>A wrong second-factor code (TOTP or recovery code) at sign-in or in a session.</summary>
public sealed record MfaCodeFailed(Guid UserId, DateTimeOffset At) : IDomainEvent;
