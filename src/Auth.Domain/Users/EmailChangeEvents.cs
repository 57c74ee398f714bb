using Auth.Domain.Events;

namespace Auth.Domain.Users;

/// <summary>
/// The owner asked to move the account to another address: the notice to the current address, carrying the link that
/// cancels the request. Raised whether or not the new address is free, so the audit trail and the owner's mailbox look
/// the same either way.
/// </summary>
/// <param name="Email">The current address, which gets the notice.</param>
/// <param name="Token">The cancel link's token.</param>
public sealed record EmailChangeRequested(
    Guid UserId, string Email, string NewEmail, string Token, TimeSpan ValidFor, DateTimeOffset At) : IDomainEvent, ITokenMailEvent;

/// <summary>The mail to the new address of an email change, whose link proves the mailbox and makes the switch.</summary>
/// <param name="Email">The new address.</param>
public sealed record EmailChangeConfirmationRequested(
    Guid UserId, string Email, string Token, TimeSpan ValidFor, DateTimeOffset At) : IDomainEvent, ITokenMailEvent;

/// <summary>
/// Someone asked to move an account to an address that already has one: that address is told someone tried, and
/// nothing about who (no name, no account), so neither the answer nor the mail says which account asked.
/// </summary>
/// <param name="Email">The address that is taken.</param>
public sealed record EmailChangeToTakenAddressAttempted(Guid UserId, string Email, DateTimeOffset At) : IDomainEvent, IMailEvent;

/// <summary>The account's address changed; the old address is told (it may be the only one the owner still reads).</summary>
/// <param name="Email">The old address, which gets the mail.</param>
/// <param name="ByAdministrator">True when an administrator changed it (the new address then still needs confirming).</param>
public sealed record EmailChanged(
    Guid UserId, string Email, string NewEmail, bool ByAdministrator, DateTimeOffset At) : IDomainEvent, IMailEvent;

/// <summary>
/// An administrator made this address the account's: it is told so, with the link that proves the mailbox. The
/// owner's flow tells the new address before the switch and asks it to confirm; here the switch comes first, so the
/// mail says it happened, and the address stays unconfirmed until the link is opened.
/// </summary>
/// <param name="Email">The new address.</param>
public sealed record EmailSetByAdministrator(
    Guid UserId, string Email, string Token, TimeSpan ValidFor, DateTimeOffset At) : IDomainEvent, ITokenMailEvent;

/// <summary>The pending email change was dropped through the cancel link of its notice.</summary>
public sealed record EmailChangeCancelled(Guid UserId, DateTimeOffset At) : IDomainEvent;
