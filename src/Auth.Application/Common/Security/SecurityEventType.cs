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
}
