namespace Auth.Application.Common.Security;

/// <summary>A security event. It never carries a password, token or hash.</summary>
/// <param name="ActorId">Who acted on the account when it was not its owner (an administrator).</param>
public sealed record SecurityEvent(SecurityEventType Type, Guid? UserId, Guid? SessionId, ClientInfo Client, Guid? ActorId = null);

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
}
