namespace Auth.Application.Common.Errors;

/// <summary>
/// What kind of failure an <see cref="Error"/> is. The Api turns a kind, never a code, into an HTTP status, so a
/// new code needs no new mapping and no code can answer with two statuses.
/// </summary>
public enum ErrorKind
{
    /// <summary>The request itself is wrong: a field breaks a rule, a value is unknown, an emailed link is bad.</summary>
    Validation,

    /// <summary>The caller did not prove who it is: no or a bad token, wrong credentials.</summary>
    Unauthorized,

    /// <summary>The caller is known but may not do this, or must do something first.</summary>
    Forbidden,

    NotFound,

    /// <summary>The route exists but not for this HTTP method.</summary>
    MethodNotAllowed,

    /// <summary>The request clashes with the current state: a taken email, the last administrator.</summary>
    Conflict,

    PayloadTooLarge,

    UnsupportedMediaType,

    /// <summary>Too many attempts or requests; the error says when to try again.</summary>
    TooMany,

    /// <summary>A bug or an unforeseen failure; its detail never reaches the client.</summary>
    Unexpected,

    /// <summary>Something the service depends on (the database, the mail server) does not answer; try again later.</summary>
    Unavailable,
}
