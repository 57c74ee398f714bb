using Auth.Application.Common.Security;
using Auth.Domain.Events;
using Auth.Domain.External;
using Auth.Domain.Mfa;
using Auth.Domain.Passkeys;
using Auth.Domain.Sessions;
using Auth.Domain.Users;

namespace Auth.Infrastructure.Outbox;

/// <summary>What a domain event is in the audit trail and the security log: a type, an account and a session.</summary>
internal sealed record SecurityRecord(SecurityEventType Type, Guid? UserId, Guid? SessionId);

internal static class SecurityEventMap
{
    /// <returns>Null for an event the trail does not record (a session ended as part of a recorded change).</returns>
    public static SecurityRecord? For(IDomainEvent domainEvent) => domainEvent switch
    {
        UserRegistered e => new(SecurityEventType.SignedUp, e.UserId, null),
        EmailConfirmationRequested { Resent: true } e => new(SecurityEventType.ConfirmationSent, e.UserId, null),
        EmailConfirmed e => new(SecurityEventType.EmailConfirmed, e.UserId, null),
        PasswordResetRequested e => new(SecurityEventType.PasswordResetRequested, e.UserId, null),
        PasswordChanged e => new(SecurityEventType.PasswordChanged, e.UserId, null),
        PasswordReset e => new(SecurityEventType.PasswordReset, e.UserId, null),
        ProfileUpdated e => new(SecurityEventType.ProfileUpdated, e.UserId, null),
        EmailChangeRequested e => new(SecurityEventType.EmailChangeRequested, e.UserId, null),
        EmailChanged e => new(SecurityEventType.EmailChanged, e.UserId, null),
        EmailChangeCancelled e => new(SecurityEventType.EmailChangeCancelled, e.UserId, null),
        RoleGranted e => new(e.Grounds switch
        {
            RoleGrantGrounds.BootstrapAdminAtStart => SecurityEventType.BootstrapAdminAtStart,
            RoleGrantGrounds.BootstrapAdminOnConfirmation => SecurityEventType.BootstrapAdminOnConfirmation,
            RoleGrantGrounds.BootstrapAdminByCommandLine => SecurityEventType.BootstrapAdminByCommandLine,
            _ => SecurityEventType.RoleGranted,
        }, e.UserId, null),
        RoleRevoked e => new(SecurityEventType.RoleRevoked, e.UserId, null),
        AccountDisabled e => new(SecurityEventType.AccountDisabled, e.UserId, null),
        AccountEnabled e => new(SecurityEventType.AccountEnabled, e.UserId, null),
        AccountDeleted e => new(SecurityEventType.AccountDeleted, e.UserId, null),
        AdminAccessRefused e => new(SecurityEventType.AdminAccessRefused, e.UserId, null),
        LoginSucceeded e => new(SecurityEventType.LoginSucceeded, e.UserId, e.SessionId),
        LoginFailed e => new(SecurityEventType.LoginFailed, e.UserId, null),
        LockedOut e => new(SecurityEventType.LockedOut, e.UserId, null),
        SessionRefreshed e => new(SecurityEventType.Refreshed, e.UserId, e.SessionId),
        TotpEnabled e => new(SecurityEventType.MfaEnabled, e.UserId, null),
        TotpDisabled e => new(e.Grounds == MfaChangeGrounds.ByAdmin ? SecurityEventType.MfaResetByAdmin : SecurityEventType.MfaDisabled, e.UserId, null),
        RecoveryCodesRegenerated e => new(SecurityEventType.RecoveryCodesRegenerated, e.UserId, null),
        RecoveryCodeUsed e => new(SecurityEventType.RecoveryCodeUsed, e.UserId, null),
        MfaCodeFailed e => new(SecurityEventType.MfaCodeFailed, e.UserId, null),
        PasskeyRegistered e => new(SecurityEventType.PasskeyRegistered, e.UserId, null),
        PasskeyRenamed e => new(SecurityEventType.PasskeyRenamed, e.UserId, null),
        PasskeyRemoved e => new(SecurityEventType.PasskeyRemoved, e.UserId, null),
        ExternalIdentityLinked e => new(SecurityEventType.ExternalIdentityLinked, e.UserId, null),
        ExternalIdentityUnlinked e => new(SecurityEventType.ExternalIdentityUnlinked, e.UserId, null),
        PasskeyRefused e => new(e.Reason == PasskeyRefusal.CounterRegressed ? SecurityEventType.PasskeyCounterRegressed : SecurityEventType.PasskeyRefused, e.UserId, null),
        SessionEnded e => EndedBy(e.Reason) is { } type ? new(type, e.UserId, e.SessionId) : null,
        _ => null,
    };

    /// <summary>
    /// A session ended by its owner or by an administrator is an event of its own; one ended by a password change,
    /// a reset, a delete, a disable or a role change is part of that event and is not recorded twice.
    /// </summary>
    private static SecurityEventType? EndedBy(SessionEndReason reason) => reason switch
    {
        SessionEndReason.Logout or SessionEndReason.LogoutEverywhere or SessionEndReason.LogoutOthers or SessionEndReason.EndedByUser
            => SecurityEventType.LoggedOut,
        SessionEndReason.RefreshTokenReused => SecurityEventType.RefreshTokenReused,
        SessionEndReason.EndedByAdmin => SecurityEventType.SessionsEndedByAdmin,
        SessionEndReason.SessionLimit => SecurityEventType.SessionEndedByLimit,
        _ => null,
    };
}
