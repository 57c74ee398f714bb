using Auth.Domain.Events;
using Auth.Domain.Users;

namespace Auth.Domain.Sessions;

/// <summary>A session ended: its access tokens must be refused from now on, on every instance.</summary>
public sealed record SessionEnded(Guid SessionId, Guid UserId, SessionEndReason Reason, DateTimeOffset At) : IDomainEvent;

/// <summary>A refresh token was exchanged for a new pair.</summary>
public sealed record SessionRefreshed(Guid SessionId, Guid UserId, DateTimeOffset At) : IDomainEvent;

/// <summary>A password sign-in started <paramref name="SessionId"/>. Signup starts a session too, but is <c>UserRegistered</c>.</summary>
public sealed record LoginSucceeded(Guid UserId, Guid SessionId, DateTimeOffset At) : IDomainEvent;

/// <summary>A wrong password, or an email no account has (then <paramref name="UserId"/> is null).</summary>
public sealed record LoginFailed(Guid? UserId, DateTimeOffset At) : IDomainEvent;

/// <summary>The failure that started a lockout of the email.</summary>
public sealed record LockedOut(Guid? UserId, DateTimeOffset At) : IDomainEvent;

/// <summary>
/// A sign-in from a device the account had not seen, while it had others: the owner is mailed the time and client,
/// with a link to end the session if it was not them.
/// </summary>
public sealed record NewDeviceSignedIn(
    Guid UserId, string Email, string? ClientAddress, string? UserAgent, DateTimeOffset At) : IDomainEvent, IMailEvent;
