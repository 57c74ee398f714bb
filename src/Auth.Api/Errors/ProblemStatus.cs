using Auth.Application.Common.Errors;

namespace Auth.Api.Errors;

/// <summary>
/// The one switch from an error's kind to its HTTP status, and back from a status to the catalogue's error for
/// problems no use case named (routing, content negotiation, authentication).
/// </summary>
public static class ProblemStatus
{
    /// <summary>The status of a kind; a kind without one is a bug that a unit test catches before it ships.</summary>
    public static int For(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ErrorKind.TooMany => StatusCodes.Status429TooManyRequests,
        ErrorKind.Unexpected => StatusCodes.Status500InternalServerError,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "This error kind has no HTTP status."),
    };

    public static int For(Error error) => For(error.Kind);

    /// <summary>The catalogue's error for a problem that no use case named, by its status.</summary>
    public static Error ErrorFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => AuthErrors.InvalidToken,
        StatusCodes.Status403Forbidden => AuthErrors.Forbidden,
        StatusCodes.Status404NotFound => AuthErrors.NotFound,
        StatusCodes.Status405MethodNotAllowed => AuthErrors.MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => AuthErrors.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => AuthErrors.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => AuthErrors.TooManyRequests,
        StatusCodes.Status503ServiceUnavailable => AuthErrors.NotReady,
        >= 500 => AuthErrors.InternalError,
        _ => AuthErrors.BadRequest,
    };
}
