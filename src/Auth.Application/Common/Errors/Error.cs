namespace Auth.Application.Common.Errors;

/// <summary>An expected failure: a stable machine-readable <paramref name="Code"/> and a message for people.</summary>
public sealed record Error(string Code, string Message)
{
    /// <summary>When the client may try again (HTTP <c>Retry-After</c>), for errors that are about timing.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
