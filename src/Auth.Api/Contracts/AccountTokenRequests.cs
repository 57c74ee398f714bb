using Auth.Api.OpenApi;

namespace Auth.Api.Contracts;

/// <summary>The token from a confirmation mail's link.</summary>
public sealed record ConfirmEmailRequest
{
    /// <example>Q2hhbmdlIG1lLCBJIGFtIGp1c3QgYW4gZXhhbXBsZSB0b2tlbg</example>
    [RequiredInRequest]
    public string? Token { get; init; }
}

public sealed record ForgotPasswordRequest
{
    /// <example>ada@example.com</example>
    [RequiredInRequest]
    public string? Email { get; init; }
}

/// <summary>The token from a reset mail's link and the new password.</summary>
public sealed record ResetPasswordRequest
{
    /// <example>Q2hhbmdlIG1lLCBJIGFtIGp1c3QgYW4gZXhhbXBsZSB0b2tlbg</example>
    [RequiredInRequest]
    public string? Token { get; init; }

    /// <example>a new correct horse battery</example>
    [RequiredInRequest]
    public string? NewPassword { get; init; }
}

/// <summary>The answer to requests whose effect happens out of band (a mail), the same whatever the outcome.</summary>
/// <param name="Status">Always <c>accepted</c>.</param>
public sealed record AcceptedResponse(string Status)
{
    public static readonly AcceptedResponse Instance = new("accepted");
}
