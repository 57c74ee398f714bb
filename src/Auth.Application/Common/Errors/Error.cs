namespace Auth.Application.Common.Errors;

/// <summary>
/// An expected failure: a stable machine-readable <see cref="Code"/>, its <see cref="Kind"/> and a message for
/// people. Errors are made only in <see cref="AuthErrors"/>, the catalogue of every code.
/// </summary>
public sealed record Error
{
    internal Error(string code, ErrorKind kind, string message)
    {
        Code = code;
        Kind = kind;
        Message = message;
    }

    public string Code { get; }

    public ErrorKind Kind { get; }

    public string Message { get; }

    /// <summary>When the client may try again (HTTP <c>Retry-After</c>), for errors that are about timing.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Why a password was refused (<c>weak_password</c>): the codes of <c>PasswordWeakness</c>.</summary>
    public IReadOnlyList<string>? Reasons { get; init; }

    /// <summary>Further members of the problem body, by name (<c>mfaToken</c> and <c>factors</c> of <c>mfa_required</c>).</summary>
    public IReadOnlyDictionary<string, object>? Extensions { get; init; }
}
