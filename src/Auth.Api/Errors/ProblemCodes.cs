using Auth.Application.Common.Errors;
using Microsoft.AspNetCore.WebUtilities;

namespace Auth.Api.Errors;

/// <summary>
/// The one table from error <c>code</c> to HTTP status, and the codes of failures that happen before a
/// use case runs (routing, content negotiation, authentication).
/// </summary>
public static class ProblemCodes
{
    public const string BadRequest = "bad_request";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string Forbidden = "forbidden";
    public const string TooManyRequests = "too_many_requests";
    public const string NotReady = "not_ready";
    public const string CsrfHeaderMissing = "csrf_header_missing";
    public const string InternalError = "internal_error";

    private static readonly Dictionary<string, int> StatusByCode = new(StringComparer.Ordinal)
    {
        [AuthErrors.ValidationFailedCode] = StatusCodes.Status400BadRequest,
        [AuthErrors.EmailTaken.Code] = StatusCodes.Status409Conflict,
        [AuthErrors.InvalidCredentials.Code] = StatusCodes.Status401Unauthorized,
        [AuthErrors.InvalidToken.Code] = StatusCodes.Status401Unauthorized,
        [AuthErrors.InvalidRefreshToken.Code] = StatusCodes.Status401Unauthorized,
        [AuthErrors.RefreshTokenReused.Code] = StatusCodes.Status401Unauthorized,
        [AuthErrors.TooManyAttemptsCode] = StatusCodes.Status429TooManyRequests,
        [AuthErrors.SessionNotFound.Code] = StatusCodes.Status404NotFound,
        [AuthErrors.EmailNotConfirmed.Code] = StatusCodes.Status403Forbidden,
        [AuthErrors.AccountDisabled.Code] = StatusCodes.Status403Forbidden,
        [AuthErrors.UserNotFound.Code] = StatusCodes.Status404NotFound,
        [AuthErrors.UnknownRole.Code] = StatusCodes.Status400BadRequest,
        [AuthErrors.LastAdmin.Code] = StatusCodes.Status409Conflict,
        [AuthErrors.CannotChangeOwnAccess.Code] = StatusCodes.Status409Conflict,
        [AuthErrors.AdminEmailNotConfirmed.Code] = StatusCodes.Status409Conflict,
        [CsrfHeaderMissing] = StatusCodes.Status403Forbidden,
    };

    public static int StatusFor(string code) =>
        StatusByCode.TryGetValue(code, out var status) ? status : StatusCodes.Status500InternalServerError;

    /// <summary>
    /// The status of an error. <c>invalid_token</c> names two failures: a bad bearer token (401) and a bad emailed
    /// token (400, the request body is what is wrong); the error itself tells them apart.
    /// </summary>
    public static int StatusFor(Error error) =>
        error == AuthErrors.InvalidAccountToken ? StatusCodes.Status400BadRequest : StatusFor(error.Code);

    /// <summary>The code of a problem that no use case named, by its status.</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => BadRequest,
        StatusCodes.Status401Unauthorized => AuthErrors.InvalidToken.Code,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        StatusCodes.Status503ServiceUnavailable => NotReady,
        _ => status >= 500 ? InternalError : ReasonPhrases.GetReasonPhrase(status).ToLowerInvariant().Replace(' ', '_'),
    };
}
