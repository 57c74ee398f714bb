using Auth.Application.Abstractions;
using Auth.Application.Users;

namespace Auth.Application.Sessions.Common;

/// <summary>A started (or refreshed) session as the client receives it.</summary>
public sealed record AuthResult(AccessToken AccessToken, string RefreshToken, Guid SessionId, UserView User)
{
    /// <summary>Set by a sign-in: the device token the client keeps and presents at its next login.</summary>
    public string? DeviceToken { get; init; }

    /// <summary>Set at login when the password proven is one the policy now refuses (a new list, a breach).</summary>
    public bool PasswordChangeRequired { get; init; }
}
