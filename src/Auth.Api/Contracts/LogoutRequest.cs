namespace Auth.Api.Contracts;

/// <summary>Which sessions to end. The body is optional: none (or <c>{}</c>) means <c>local</c>.</summary>
public sealed record LogoutRequest
{
    /// <summary><c>local</c> (this session, the default), <c>global</c> (every session) or <c>others</c> (all but this one).</summary>
    /// <example>local</example>
    public string? Scope { get; init; }
}
