namespace Auth.Application.Common.Errors;

/// <summary>The errors of signing in with an external identity provider, and of the links to one.</summary>
public static partial class AuthErrors
{
    public static readonly Error UnknownProvider = new("unknown_provider", ErrorKind.NotFound,
        "No sign-in provider has this id. GET /auth/providers lists them.");

    /// <summary>The page to come back to is not on a configured frontend origin: no redirect is made to it.</summary>
    public static readonly Error InvalidReturnUrl = new("invalid_return_url", ErrorKind.Validation,
        "returnUrl must be an absolute http(s) URL on one of the service's frontend origins.");

    /// <summary>The callback's state names no sign-in in progress: unknown, already used, expired, or another provider's.</summary>
    public static readonly Error InvalidState = new("invalid_state", ErrorKind.Validation,
        "This sign-in is unknown, already finished or expired. Start it again from the sign-in page.");

    public static readonly Error InvalidExchangeCode = new("invalid_exchange_code", ErrorKind.Validation,
        "The sign-in code is unknown, already used or expired. Start the sign-in again.");

    /// <summary>The provider did not answer, or answered with a server error, within the time allowed.</summary>
    public static readonly Error ProviderUnavailable = new("provider_unavailable", ErrorKind.Unavailable,
        "The sign-in provider does not answer. Try again in a moment.")
    {
        RetryAfter = TimeSpan.FromSeconds(30),
    };

    /// <summary>The provider's answer did not verify: a refused code, or an ID token with the wrong issuer, audience, nonce, signature or lifetime.</summary>
    public static readonly Error ExternalSignInFailed = new("external_sign_in_failed", ErrorKind.Unauthorized,
        "The sign-in provider's answer could not be verified. Start the sign-in again.");

    /// <summary>The person stopped at the provider (or the provider refused them).</summary>
    public static readonly Error ExternalSignInCancelled = new("external_sign_in_cancelled", ErrorKind.Unauthorized,
        "The sign-in was cancelled at the provider.");

    /// <summary>The provider gave no address an account could be made with.</summary>
    public static readonly Error ExternalEmailMissing = new("external_email_missing", ErrorKind.Validation,
        "The sign-in provider shared no email address. Allow it to share your address, or sign up with a password.");

    /// <summary>
    /// An account already has the address the provider gave: it is not joined silently (whoever controls the provider
    /// account would take the account over). Its owner signs in and links the provider from the account.
    /// </summary>
    public static readonly Error ExternalAccountExists = new("external_account_exists", ErrorKind.Conflict,
        "An account with this email address already exists. Sign in to it, then link this provider from your account.");

    /// <summary>The provider's account is already linked to another account here.</summary>
    public static readonly Error ExternalIdentityInUse = new("external_identity_in_use", ErrorKind.Conflict,
        "This provider account is already linked to another account.");

    public static readonly Error IdentityNotFound = new("identity_not_found", ErrorKind.NotFound, "No linked sign-in of yours has this id.");

    /// <summary>Re-authentication by password on an account that has none (made by an external provider).</summary>
    public static readonly Error PasswordNotSet = new("password_not_set", ErrorKind.Conflict,
        "This account has no password. Set one through POST /auth/password/forgot first.");
}
