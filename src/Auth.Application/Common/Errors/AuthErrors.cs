namespace Auth.Application.Common.Errors;

/// <summary>
/// The catalogue of every error <c>code</c> the service returns, each with its kind; codes are unique (a test
/// says so). Codes are a public contract: never rename one. This part holds the use cases' errors;
/// AuthErrors.Requests.cs those of requests that never reach a use case.
/// </summary>
public static partial class AuthErrors
{
    public const string ValidationFailedCode = "validation_failed";
    public const string TooManyAttemptsCode = "too_many_attempts";

    /// <summary>A field breaks a rule; the problem body lists the fields in <c>errors</c>.</summary>
    public static readonly Error ValidationFailed = new(ValidationFailedCode, ErrorKind.Validation, "The request is not valid.");

    public const string WeakPasswordCode = "weak_password";

    /// <summary>A password that is common, made of the account's own details, a pattern or breached; no composition rules.</summary>
    public static Error WeakPassword(List<string> reasons) =>
        new(WeakPasswordCode, ErrorKind.Validation, Passwords.PasswordWeakness.Describe(reasons)) { Reasons = reasons };

    public static readonly Error EmailTaken = new("email_taken", ErrorKind.Conflict, "An account with this email already exists.");

    /// <summary>One error for unknown email and wrong password, so the API does not tell who has an account.</summary>
    public static readonly Error InvalidCredentials = new("invalid_credentials", ErrorKind.Unauthorized, "The email or password is incorrect.");

    /// <summary>
    /// The password given to confirm a sensitive action (password change, account deletion) is wrong. A 403 and
    /// its own code: the caller's token is fine, so a client must not treat it as "sign in again".
    /// </summary>
    public static readonly Error WrongPassword = new("wrong_password", ErrorKind.Forbidden, "The password is incorrect.");

    public static readonly Error SessionNotFound = new("session_not_found", ErrorKind.NotFound, "No active session of yours has this id.");

    public static readonly Error InvalidRefreshToken = new("invalid_refresh_token", ErrorKind.Unauthorized, "The refresh token is unknown, expired or belongs to an ended session.");

    /// <summary>A refresh token presented after it was exchanged: a sign of theft, so its session was ended.</summary>
    public static readonly Error RefreshTokenReused = new("refresh_token_reused", ErrorKind.Unauthorized, "This refresh token was already used; the session has been ended.");

    /// <summary>Internal: another request changed the same row first. Handlers retry; clients never see it.</summary>
    public static readonly Error ConcurrentUpdate = new("concurrent_update", ErrorKind.Conflict, "The data changed while the request ran.");

    /// <summary>Too many consecutive failures for one email; the same answer whether or not it has an account.</summary>
    public static Error TooManyAttempts(TimeSpan retryAfter) =>
        new(TooManyAttemptsCode, ErrorKind.TooMany, "Too many failed logins for this email. Try again later.") { RetryAfter = retryAfter };

    /// <summary>The bearer access token is missing, invalid or revoked (the RFC 6750 error name).</summary>
    public static readonly Error InvalidToken = new("invalid_token", ErrorKind.Unauthorized, "The access token is missing, invalid, expired or belongs to an ended session.");

    /// <summary>An emailed token (confirmation, reset) that is unknown, expired or already used.</summary>
    public static readonly Error InvalidAccountToken = new("invalid_account_token", ErrorKind.Validation, "The link is invalid, has expired or was already used.");

    /// <summary>Only after the password was verified, so it tells a guesser nothing.</summary>
    public static readonly Error EmailNotConfirmed = new("email_not_confirmed", ErrorKind.Forbidden, "Confirm your email address before signing in.");

    public static readonly Error AccountDisabled = new("account_disabled", ErrorKind.Forbidden, "This account has been disabled.");

    public static readonly Error UserNotFound = new("user_not_found", ErrorKind.NotFound, "No user has this id.");

    public static readonly Error UnknownRole = new("unknown_role", ErrorKind.Validation, "No such role.");

    public static readonly Error LastAdmin = new("last_admin", ErrorKind.Conflict, "This would leave the service without an administrator.");

    /// <summary>
    /// <c>create-admin</c> on an account nobody has proved the mailbox of: whoever signed up with it knows its password,
    /// so it is not promoted until the address is confirmed.
    /// </summary>
    public static readonly Error AdminEmailNotConfirmed = new("admin_email_not_confirmed", ErrorKind.Conflict,
        "An account with this address exists but its address is not confirmed; confirm it through the mailed link first.");

    /// <summary>An email change to the address the account already has (compared as signup compares).</summary>
    public static readonly Error EmailUnchanged = new("email_unchanged", ErrorKind.Validation, "This is already the account's address.");

    /// <summary>The per-account cap on email change requests; the answer does not depend on the address asked for.</summary>
    public static Error TooManyEmailChanges(TimeSpan retryAfter) =>
        new("too_many_email_changes", ErrorKind.TooMany, "Too many email changes were requested for this account. Try again later.") { RetryAfter = retryAfter };

    public static readonly Error CannotChangeOwnAccess = new("cannot_change_own_access", ErrorKind.Conflict, "Administrators cannot remove their own admin role or disable themselves.");
}
