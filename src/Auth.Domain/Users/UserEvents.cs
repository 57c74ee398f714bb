using Auth.Domain.Events;

namespace Auth.Domain.Users;

public sealed record UserRegistered(Guid UserId, DateTimeOffset At) : IDomainEvent;

/// <summary>A confirmation mail is due. It carries the token, so the outbox forgets the payload once it is sent.</summary>
/// <param name="Resent">False for the mail of a signup, which the audit trail records as the signup itself.</param>
public sealed record EmailConfirmationRequested(
    Guid UserId, string Email, string Token, TimeSpan ValidFor, bool Resent, DateTimeOffset At) : IDomainEvent, ITokenMailEvent;

public sealed record EmailConfirmed(Guid UserId, DateTimeOffset At) : IDomainEvent;

/// <summary>A reset mail is due; like <see cref="EmailConfirmationRequested"/> it carries the token.</summary>
public sealed record PasswordResetRequested(
    Guid UserId, string Email, string Token, TimeSpan ValidFor, DateTimeOffset At) : IDomainEvent, ITokenMailEvent;

public sealed record PasswordChanged(Guid UserId, DateTimeOffset At) : IDomainEvent;

public sealed record PasswordReset(Guid UserId, DateTimeOffset At) : IDomainEvent;

/// <summary>A login proved a password the policy now refuses (a longer list, a breach): the owner is asked to change it.</summary>
public sealed record WeakPasswordNoticed(Guid UserId, string Email, DateTimeOffset At) : IDomainEvent, IMailEvent;

public sealed record ProfileUpdated(Guid UserId, DateTimeOffset At) : IDomainEvent;

/// <param name="Grounds">Why: an administrator's grant, or one of the ways the configured first administrator gets it.</param>
public sealed record RoleGranted(Guid UserId, string Role, RoleGrantGrounds Grounds, DateTimeOffset At) : IDomainEvent;

public enum RoleGrantGrounds
{
    ByAdmin,
    BootstrapAdminAtStart,
    BootstrapAdminOnConfirmation,
    BootstrapAdminByCommandLine,
}

public sealed record RoleRevoked(Guid UserId, string Role, DateTimeOffset At) : IDomainEvent;

public sealed record AccountDisabled(Guid UserId, DateTimeOffset At) : IDomainEvent;

public sealed record AccountEnabled(Guid UserId, DateTimeOffset At) : IDomainEvent;

public sealed record AccountDeleted(Guid UserId, DateTimeOffset At) : IDomainEvent;

/// <summary>A signed-in account without the admin role called an administrator's route (sampled, see the handler).</summary>
public sealed record AdminAccessRefused(Guid UserId, DateTimeOffset At) : IDomainEvent;

/// <summary>
/// An event that asks for a mail to the account's address. Its payload names the owner, so the outbox forgets it
/// once the mail is sent. It carries no display name: mails greet by the address, so text a user chose (a name
/// can hold a link or a phone number) never reaches an inbox under our sender.
/// </summary>
public interface IMailEvent
{
    string Email { get; }
}

/// <summary>A mail with a single-use token in its link.</summary>
public interface ITokenMailEvent : IMailEvent
{
    string Token { get; }

    TimeSpan ValidFor { get; }
}
