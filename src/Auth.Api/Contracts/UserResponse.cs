using Auth.Application.Users;

namespace Auth.Api.Contracts;

/// <summary>An account as its owner sees it.</summary>
public sealed record UserResponse
{
    /// <example>0193a4a2-7c1e-7d3a-9f0e-2b6c1d8e4f5a</example>
    public required Guid Id { get; init; }

    /// <example>ada@example.com</example>
    public required string Email { get; init; }

    /// <example>Ada Lovelace</example>
    public required string Name { get; init; }

    /// <example>false</example>
    public required bool EmailConfirmed { get; init; }

    /// <example>["user"]</example>
    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>ISO 8601, UTC.</summary>
    /// <example>2026-11-24T10:00:00Z</example>
    public required DateTime CreatedAt { get; init; }

    /// <summary>Two-step verification is on: sign-in needs a code, and sensitive actions a session that gave one.</summary>
    /// <example>false</example>
    public required bool MfaEnabled { get; init; }

    /// <summary><c>GET /auth/user</c> only: the calling session and how it signed in.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public CurrentSessionResponse? Session { get; init; }

    public static UserResponse From(UserView user) => new()
    {
        Id = user.Id,
        Email = user.Email,
        Name = user.Name,
        EmailConfirmed = user.EmailConfirmed,
        Roles = user.Roles,
        CreatedAt = user.CreatedAt.ForJson(),
        MfaEnabled = user.MfaEnabled,
    };
}
