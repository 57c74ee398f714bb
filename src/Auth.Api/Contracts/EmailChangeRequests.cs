using Auth.Api.OpenApi;

namespace Auth.Api.Contracts;

/// <summary>A new sign-in address, proven by the current password.</summary>
public sealed record ChangeEmailRequest
{
    /// <example>ada@newjob.example</example>
    [RequiredInRequest]
    public string? NewEmail { get; init; }

    /// <example>correct horse battery staple</example>
    [RequiredInRequest]
    public string? CurrentPassword { get; init; }
}

/// <summary>The token from an email change's confirmation mail (to the new address) or notice (its cancel link).</summary>
public sealed record EmailChangeTokenRequest
{
    /// <example>Q2hhbmdlIG1lLCBJIGFtIGp1c3QgYW4gZXhhbXBsZSB0b2tlbg</example>
    [RequiredInRequest]
    public string? Token { get; init; }
}

/// <summary>The fields an administrator changes; a field left out stays as it is.</summary>
public sealed record AdminUpdateUserRequest
{
    /// <summary>The new address: it is unconfirmed until the user follows the link mailed to it, and the old address is told.</summary>
    /// <example>ada@newjob.example</example>
    public string? Email { get; init; }
}
