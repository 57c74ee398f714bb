using Auth.Api.OpenApi;
using Auth.Application.External.Common;

namespace Auth.Api.Contracts;

/// <summary>A provider the login page can offer ("Sign in with ...").</summary>
public sealed record ExternalProviderResponse
{
    /// <example>google</example>
    public required string Id { get; init; }

    /// <example>Google</example>
    public required string DisplayName { get; init; }

    /// <summary>Where to send the browser (add <c>?returnUrl=</c>, a page on a frontend origin the service knows).</summary>
    /// <example>/auth/external/google/start</example>
    public required string StartUrl { get; init; }

    public static ExternalProviderResponse From(ExternalProviderInfo provider) => new()
    {
        Id = provider.Id,
        DisplayName = provider.DisplayName,
        StartUrl = $"/auth/external/{provider.Id}/start",
    };
}

/// <summary>The single-use code the sign-in's callback sent the browser back with (the <c>code</c> query parameter of the return page), and the proof that this page started the sign-in.</summary>
public sealed record ExternalExchangeRequest
{
    /// <summary>Works once, for one minute.</summary>
    /// <example>q6Nf1x2v0b9Lr3sT8kPzYwA7cEuHjM4dGiV5oXnR2lQ</example>
    [RequiredInRequest]
    public string? Code { get; init; }

    /// <summary>The verifier whose S256 challenge started the sign-in (<c>codeChallenge</c> of <c>/auth/external/{provider}/start</c>).</summary>
    /// <example>dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk</example>
    [RequiredInRequest]
    public string? CodeVerifier { get; init; }
}

/// <summary>The page a link's callback sends the browser back to, on a frontend origin the service knows.</summary>
public sealed record ExternalLinkRequest
{
    /// <example>http://localhost:5173/account</example>
    [RequiredInRequest]
    public string? ReturnUrl { get; init; }
}

/// <summary>Where to send the browser to link the provider's account: navigate there (<c>window.location.assign</c>).</summary>
public sealed record ExternalLinkResponse
{
    /// <example>https://accounts.google.com/o/oauth2/v2/auth?client_id=...</example>
    public required string AuthorizationUrl { get; init; }
}

/// <summary>A provider account linked to the caller's: it signs in here.</summary>
public sealed record ExternalIdentityResponse
{
    /// <example>0193a4a2-7c1e-7305-8aed-58b8637ca583</example>
    public required Guid Id { get; init; }

    /// <summary>The provider's id (<c>GET /auth/providers</c>).</summary>
    /// <example>google</example>
    public required string Provider { get; init; }

    /// <summary>The address the provider gave at the last sign-in, to tell the link by.</summary>
    /// <example>ada@gmail.com</example>
    public string? Email { get; init; }

    /// <example>2026-12-01T10:00:00Z</example>
    public required DateTime LinkedAt { get; init; }

    /// <example>2026-12-01T10:05:00Z</example>
    public required DateTime LastUsedAt { get; init; }

    public static ExternalIdentityResponse From(ExternalIdentityView view) => new()
    {
        Id = view.Id,
        Provider = view.Provider,
        Email = view.Email,
        LinkedAt = view.LinkedAt.ForJson(),
        LastUsedAt = view.LastUsedAt.ForJson(),
    };
}
