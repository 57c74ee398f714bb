namespace Auth.Application.Common.Errors;

/// <summary>The errors of requests refused before a use case runs: routing, body reading, authentication, limits.</summary>
public static partial class AuthErrors
{
    public static readonly Error BadRequest = new("bad_request", ErrorKind.Validation, "The request could not be read.");

    public static readonly Error NotFound = new("not_found", ErrorKind.NotFound, "Nothing is at this address.");

    public static readonly Error MethodNotAllowed = new("method_not_allowed", ErrorKind.MethodNotAllowed, "This address does not take this HTTP method.");

    public static readonly Error PayloadTooLarge = new("payload_too_large", ErrorKind.PayloadTooLarge, "The request body is too large.");

    public static readonly Error UnsupportedMediaType = new("unsupported_media_type", ErrorKind.UnsupportedMediaType, "The request body must be JSON (Content-Type: application/json).");

    /// <summary>A valid access token that does not allow this (an admin route without the admin role).</summary>
    public static readonly Error Forbidden = new("forbidden", ErrorKind.Forbidden, "The access token does not allow this.");

    /// <summary>A cookie-mode call without the header that only an allowed page's script can add (CSRF).</summary>
    public static readonly Error CsrfHeaderMissing = new("csrf_header_missing", ErrorKind.Forbidden, "Cookie-authenticated calls must carry an X-Requested-With header.");

    /// <summary>The per-client-address rate limit, unlike <see cref="TooManyAttempts"/>, which is per account.</summary>
    public static readonly Error TooManyRequests = new("too_many_requests", ErrorKind.TooMany, "Too many requests from this client. Try again later.");

    /// <summary>The account had its hourly share of confirmation mails; unlike a reset, the caller is signed in, so it may know.</summary>
    public static Error ConfirmationMailLimit(TimeSpan retryAfter) =>
        new("confirmation_mail_limit", ErrorKind.TooMany, "Enough confirmation mails were sent to this address for now. Check your inbox and spam folder, or try again later.")
        {
            RetryAfter = retryAfter,
        };

    /// <summary>The bounded password-hashing queue is full; answered at once, before anything is counted or stored.</summary>
    public static readonly Error Overloaded = new("overloaded", ErrorKind.Unavailable, "The service is busy checking passwords. Try again in a moment.")
    {
        RetryAfter = TimeSpan.FromSeconds(1),
    };

    public static readonly Error NotReady = new("not_ready", ErrorKind.Unavailable, "The service is not ready: the database does not answer.");

    public static readonly Error InternalError = new("internal_error", ErrorKind.Unexpected, "An unexpected error occurred. Quote the traceId when reporting it.");
}
