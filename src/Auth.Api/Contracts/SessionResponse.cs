using Auth.Application.Sessions.ListSessions;

namespace Auth.Api.Contracts;

/// <summary>One of the caller's active sessions.</summary>
public sealed record SessionResponse
{
    /// <example>0193a4a2-7c1e-7305-8aed-58b8637ca583</example>
    public required Guid Id { get; init; }

    /// <example>2026-11-24T10:00:00Z</example>
    public required DateTime CreatedAt { get; init; }

    /// <example>2026-11-24T10:05:00Z</example>
    public required DateTime LastUsedAt { get; init; }

    /// <summary>The client address seen at sign-in.</summary>
    /// <example>203.0.113.7</example>
    public string? ClientAddress { get; init; }

    /// <summary>The user agent seen at sign-in.</summary>
    /// <example>Mozilla/5.0 (X11; Linux x86_64)</example>
    public string? UserAgent { get; init; }

    /// <summary>True for the session of the token that made this call.</summary>
    /// <example>true</example>
    public required bool Current { get; init; }

    /// <summary>How the session's sign-in was proven (RFC 8176).</summary>
    /// <example>["pwd"]</example>
    public required IReadOnlyList<string> Amr { get; init; }

    /// <summary><c>aal2</c> when the sign-in proved two factors, else <c>aal1</c>.</summary>
    /// <example>aal1</example>
    public required string Aal { get; init; }

    public static SessionResponse From(SessionView session) => new()
    {
        Id = session.Id,
        CreatedAt = session.CreatedAt.ForJson(),
        LastUsedAt = session.LastUsedAt.ForJson(),
        ClientAddress = session.ClientAddress,
        UserAgent = session.UserAgent,
        Current = session.Current,
        Amr = session.Amr,
        Aal = session.Aal,
    };
}
