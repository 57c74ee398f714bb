using Auth.Application.Sessions.Common;

namespace Auth.Api.Contracts;

/// <summary>The tokens of a started or refreshed session.</summary>
public sealed record AuthResponse
{
    /// <example>Bearer</example>
    public string TokenType { get; init; } = "Bearer";

    /// <summary>A JWT (RFC 9068); send it as <c>Authorization: Bearer &lt;accessToken&gt;</c>.</summary>
    /// <example>eyJhbGciOiJIUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl</example>
    public required string AccessToken { get; init; }

    /// <summary>Seconds until the access token expires.</summary>
    /// <example>900</example>
    public required int ExpiresIn { get; init; }

    /// <summary>
    /// Opaque, single use; exchange it at <c>POST /auth/refresh</c> for a new pair. Absent when the service runs with
    /// <c>Auth:RefreshTokenTransport</c> = <c>cookie</c>: the token is then in an <c>HttpOnly</c> cookie instead.
    /// </summary>
    /// <example>q3Zb0m4bJt9Yb0R2e4xq8Q0a7yK1mTn6cVwzP5uHsLg</example>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? RefreshToken { get; init; }

    /// <summary>
    /// Login only: this client's device token. Keep it and send it in the <c>X-Device-Token</c> header of every later
    /// login: a known device has a lockout budget of its own, so failed guesses from elsewhere cannot lock it out,
    /// and its sign-ins raise no new-device alert. Absent in cookie mode (it is in the HttpOnly cookie
    /// <c>auth_device</c> instead).
    /// </summary>
    /// <example>Xk2b9w0Zq7PpT1v8cN4yR6mE3sJ5hL0aUoDgFiWtKeQ</example>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? DeviceToken { get; init; }

    public required UserResponse User { get; init; }

    /// <summary>
    /// True after a login whose password the service now refuses as weak (common, personal, repetitive or breached):
    /// the session works, but the client should ask for a new password (<c>POST /auth/user/password</c>). The user
    /// is also mailed, once per password.
    /// </summary>
    /// <example>false</example>
    public bool PasswordChangeRequired { get; init; }

    public static AuthResponse From(AuthResult result) => new()
    {
        AccessToken = result.AccessToken.Token,
        ExpiresIn = result.AccessToken.ExpiresIn,
        RefreshToken = result.RefreshToken,
        DeviceToken = result.DeviceToken,
        User = UserResponse.From(result.User),
        PasswordChangeRequired = result.PasswordChangeRequired,
    };
}
