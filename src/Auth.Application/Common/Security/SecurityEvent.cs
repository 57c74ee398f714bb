namespace Auth.Application.Common.Security;

/// <summary>A security event. It never carries a password, token or hash.</summary>
public sealed record SecurityEvent(SecurityEventType Type, Guid? UserId, Guid? SessionId, ClientInfo Client);

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
}
