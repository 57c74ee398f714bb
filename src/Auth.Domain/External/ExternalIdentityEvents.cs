using Auth.Domain.Events;
using Auth.Domain.Users;

namespace Auth.Domain.External;

/// <summary>An external provider's account was linked to the account: the owner is told, in case it was not them.</summary>
public sealed record ExternalIdentityLinked(Guid UserId, string Email, Guid IdentityId, string Provider, DateTimeOffset At) : IDomainEvent, IMailEvent;

/// <summary>A linked external account was removed: it no longer signs in.</summary>
public sealed record ExternalIdentityUnlinked(Guid UserId, string Email, Guid IdentityId, string Provider, DateTimeOffset At) : IDomainEvent, IMailEvent;
