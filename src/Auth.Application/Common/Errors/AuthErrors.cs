namespace Auth.Application.Common.Errors;

/// <summary>The catalogue of every error <c>code</c> the service returns. Codes are a public contract: never rename one.</summary>
public static class AuthErrors
{
    public const string ValidationFailedCode = "validation_failed";
    public const string TooManyAttemptsCode = "too_many_attempts";

    public static readonly Error EmailTaken = new("email_taken", "An account with this email already exists.");

    /// <summary>One error for unknown email and wrong password, so the API does not tell who has an account.</summary>
    public static readonly Error InvalidCredentials = new("invalid_credentials", "The email or password is incorrect.");

    public static readonly Error SessionNotFound = new("session_not_found", "No active session of yours has this id.");

    public static readonly Error InvalidRefreshToken = new("invalid_refresh_token", "The refresh token is unknown, expired or belongs to an ended session.");

    /// <summary>A refresh token presented after it was exchanged: a sign of theft, so its session was ended.</summary>
    public static readonly Error RefreshTokenReused = new("refresh_token_reused", "This refresh token was already used; the session has been ended.");

    /// <summary>Internal: another request changed the same row first. Handlers retry; clients never see it.</summary>
    public static readonly Error ConcurrentUpdate = new("concurrent_update", "The data changed while the request ran.");

    /// <summary>Too many consecutive failures for one email; the same answer whether or not it has an account.</summary>
    public static Error TooManyAttempts(TimeSpan retryAfter) =>
        new(TooManyAttemptsCode, "Too many failed logins for this email. Try again later.") { RetryAfter = retryAfter };

    public static readonly Error InvalidToken = new("invalid_token", "The access token is missing, invalid, expired or belongs to an ended session.");

    /// <summary>An emailed token (confirmation, reset) that is unknown, expired or already used. A 400, unlike <see cref="InvalidToken"/>.</summary>
    public static readonly Error InvalidAccountToken = new("invalid_token", "The link is invalid, has expired or was already used.");

    /// <summary>Only after the password was verified, so it tells a guesser nothing.</summary>
    public static readonly Error EmailNotConfirmed = new("email_not_confirmed", "Confirm your email address before signing in.");

    public static readonly Error AccountDisabled = new("account_disabled", "This account has been disabled.");

    public static readonly Error UserNotFound = new("user_not_found", "No user has this id.");

    public static readonly Error UnknownRole = new("unknown_role", "No such role.");

    public static readonly Error LastAdmin = new("last_admin", "This would leave the service without an administrator.");

    /// <summary>
    /// <c>create-admin</c> on an account nobody has proved the mailbox of: whoever signed up with it knows its password,
    /// so it is not promoted until the address is confirmed.
    /// </summary>
    public static readonly Error AdminEmailNotConfirmed = new("admin_email_not_confirmed",
        "An account with this address exists but its address is not confirmed; confirm it through the mailed link first.");

    public static readonly Error CannotChangeOwnAccess = new("cannot_change_own_access", "Administrators cannot remove their own admin role or disable themselves.");
}
