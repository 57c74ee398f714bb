using Auth.Application.Users.ListActivity;

namespace Auth.Api.Contracts;

/// <summary>One security event on the caller's account.</summary>
public sealed record ActivityEventResponse
{
    /// <example>0193a4a2-7c1e-7305-8aed-58b8637ca583</example>
    public required Guid Id { get; init; }

    /// <example>2026-11-24T10:00:00Z</example>
    public required DateTime At { get; init; }

    /// <summary>
    /// <c>SignedUp</c>, <c>LoginSucceeded</c>, <c>LoginFailed</c>, <c>LockedOut</c>, <c>LoggedOut</c>,
    /// <c>PasswordChanged</c>, <c>PasswordResetRequested</c>, <c>PasswordReset</c>, <c>EmailConfirmed</c>,
    /// <c>ProfileUpdated</c>, <c>RefreshTokenReused</c> (a session ended because its token was used twice),
    /// <c>RoleGranted</c>, <c>RoleRevoked</c>, <c>AccountDisabled</c>, <c>AccountEnabled</c>, <c>SessionsEndedByAdmin</c>,
    /// <c>EmailChangeRequested</c>, <c>EmailChanged</c>, <c>EmailChangeCancelled</c>, <c>MfaEnabled</c>, <c>MfaDisabled</c>,
    /// <c>MfaResetByAdmin</c>, <c>RecoveryCodesRegenerated</c>, <c>RecoveryCodeUsed</c>, <c>MfaCodeFailed</c> or
    /// <c>SessionEndedByLimit</c>.
    /// </summary>
    /// <example>LoginSucceeded</example>
    public required string Type { get; init; }

    /// <summary>The session (one device's sign-in) the event concerns, when one does.</summary>
    /// <example>0193a4a2-7c1e-7305-8aed-58b8637ca584</example>
    public Guid? SessionId { get; init; }

    /// <example>203.0.113.7</example>
    public string? ClientAddress { get; init; }

    /// <example>Mozilla/5.0 (X11; Linux x86_64)</example>
    public string? UserAgent { get; init; }

    /// <summary>The user agent as a person reads it: a browser and a system from a fixed list, never the header's own text.</summary>
    /// <example>Firefox on Linux</example>
    public string? Device { get; init; }

    /// <summary>True when an administrator acted on the account (not the user themselves).</summary>
    /// <example>false</example>
    public required bool ByAdministrator { get; init; }

    public static ActivityEventResponse From(ActivityEventView e) => new()
    {
        Id = e.Id,
        At = e.At.ForJson(),
        Type = e.Type,
        SessionId = e.SessionId,
        ClientAddress = e.ClientAddress,
        UserAgent = e.UserAgent,
        Device = e.Device,
        ByAdministrator = e.ByAdministrator,
    };
}
