namespace Auth.Application.Common.Security;

/// <summary>The names the audit trail stores and filters by; domain events map onto them (see the outbox).</summary>
public enum SecurityEventType
{
    SignedUp,
    LoginSucceeded,
    LoginFailed,
    LockedOut,
    LoggedOut,
    ProfileUpdated,
    PasswordChanged,
    AccountDeleted,
    Refreshed,
    RefreshTokenReused,
    EmailConfirmed,
    ConfirmationSent,
    PasswordResetRequested,
    PasswordReset,
    RoleGranted,
    RoleRevoked,
    AccountDisabled,
    AccountEnabled,
    SessionsEndedByAdmin,

    /// <summary>The bootstrap admin address was confirmed through its mailed link and got the admin role.</summary>
    BootstrapAdminOnConfirmation,

    /// <summary>At start, the confirmed account with the bootstrap admin address got the admin role.</summary>
    BootstrapAdminAtStart,

    /// <summary>The <c>create-admin</c> command, run on the server, made the account an administrator.</summary>
    BootstrapAdminByCommandLine,

    /// <summary>The owner asked to move the account to another address (whether or not that address is free).</summary>
    EmailChangeRequested,

    /// <summary>The account's address changed: its new address confirmed, or an administrator set it.</summary>
    EmailChanged,

    /// <summary>A pending email change was cancelled from the notice sent to the current address.</summary>
    EmailChangeCancelled,

    /// <summary>Two-step verification (TOTP) was turned on.</summary>
    MfaEnabled,

    /// <summary>The owner turned two-step verification off.</summary>
    MfaDisabled,

    /// <summary>An administrator reset (turned off) the account's two-step verification.</summary>
    MfaResetByAdmin,

    RecoveryCodesRegenerated,

    RecoveryCodeUsed,

    /// <summary>A wrong second-factor code at sign-in.</summary>
    MfaCodeFailed,

    /// <summary>A passkey was added to the account.</summary>
    PasskeyRegistered,

    PasskeyRenamed,

    PasskeyRemoved,

    /// <summary>A passkey registration or sign-in was refused (unknown credential or challenge, failed verification).</summary>
    PasskeyRefused,

    /// <summary>A device-bound passkey reported a counter that did not go up: a copy of its key may exist. Refused.</summary>
    PasskeyCounterRegressed,

    /// <summary>A sign-in past <c>Auth:MaxSessionsPerUser</c> ended the account's least recently used session.</summary>
    SessionEndedByLimit,

    /// <summary>A signed-in non-administrator called an administrator's route; at most one a minute per account and instance.</summary>
    AdminAccessRefused,

    /// <summary>An external provider's account was linked to the account.</summary>
    ExternalIdentityLinked,

    ExternalIdentityUnlinked,
}
