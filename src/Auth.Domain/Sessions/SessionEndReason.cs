namespace Auth.Domain.Sessions;

/// <summary>Why a session ended; kept for the user's session history and for audits.</summary>
public enum SessionEndReason
{
    Logout,
    LogoutEverywhere,
    LogoutOthers,
    PasswordChanged,
    AccountDeleted,
    RefreshTokenReused,
    EndedByUser,
    PasswordReset,
    AccountDisabled,
    RoleRevoked,
    EndedByAdmin,

    /// <summary>The user had as many sessions as allowed and signed in again: the least recently used one made room.</summary>
    SessionLimit,
}
