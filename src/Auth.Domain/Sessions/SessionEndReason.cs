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
}
