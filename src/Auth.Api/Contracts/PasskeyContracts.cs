using System.Text.Json;
using Auth.Application.Passkeys.Common;

namespace Auth.Api.Contracts;

/// <summary>One of the caller's passkeys. The key itself never leaves the authenticator; the service keeps its public half.</summary>
public sealed record PasskeyResponse
{
    /// <example>0193a4a2-7c1e-7305-8aed-58b8637ca583</example>
    public required Guid Id { get; init; }

    /// <example>Laptop</example>
    public required string Name { get; init; }

    /// <example>2026-12-01T10:00:00Z</example>
    public required DateTime CreatedAt { get; init; }

    /// <summary>The last sign-in with it; absent until the first.</summary>
    /// <example>2026-12-01T10:05:00Z</example>
    public DateTime? LastUsedAt { get; init; }

    /// <summary>A synced passkey: its provider may copy it to the owner's other devices (the sign-in's <c>amr</c> says <c>swk</c>).</summary>
    /// <example>false</example>
    public required bool BackupEligible { get; init; }

    /// <summary>It has been copied to other devices, as of its last use.</summary>
    /// <example>false</example>
    public required bool BackedUp { get; init; }

    /// <summary>How the browser reached the authenticator at registration (<c>internal</c>, <c>usb</c>, <c>nfc</c>, <c>ble</c>, <c>hybrid</c>).</summary>
    /// <example>["internal"]</example>
    public required IReadOnlyList<string> Transports { get; init; }

    public static PasskeyResponse From(PasskeyView view) => new()
    {
        Id = view.Id,
        Name = view.Name,
        CreatedAt = view.CreatedAt.ForJson(),
        LastUsedAt = view.LastUsedAt?.ForJson(),
        BackupEligible = view.BackupEligible,
        BackedUp = view.BackedUp,
        Transports = view.Transports,
    };
}

/// <summary>The new passkey: the browser's answer to the creation options, and a name to tell it by.</summary>
public sealed record RegisterPasskeyRequest
{
    /// <summary>The <c>PublicKeyCredential</c> of <c>navigator.credentials.create</c>, as its <c>toJSON()</c> gives it.</summary>
    public JsonElement? Attestation { get; init; }

    /// <summary>Up to 64 characters; a default that says whether it is synced when absent.</summary>
    /// <example>Laptop</example>
    public string? Name { get; init; }
}

public sealed record RenamePasskeyRequest
{
    /// <example>Phone</example>
    public string? Name { get; init; }
}

/// <summary>Optional: narrows a passwordless sign-in to one account's passkeys.</summary>
public sealed record PasskeySignInOptionsRequest
{
    /// <example>ada@example.com</example>
    public string? Email { get; init; }
}

/// <summary>A passwordless sign-in begun: pass <c>publicKey</c> to <c>navigator.credentials.get</c>, send the answer with <c>challengeId</c>.</summary>
public sealed record PasskeySignInOptionsResponse
{
    /// <summary>Single use, 5 minutes.</summary>
    /// <example>0193a4a2-7c1e-7305-8aed-58b8637ca583</example>
    public required Guid ChallengeId { get; init; }

    /// <summary>PublicKeyCredentialRequestOptions, as <c>PublicKeyCredential.parseRequestOptionsFromJSON</c> takes them.</summary>
    public required JsonElement PublicKey { get; init; }
}

public sealed record PasskeySignInRequest
{
    /// <summary>From <c>POST /auth/passkeys/login/options</c>.</summary>
    /// <example>0193a4a2-7c1e-7305-8aed-58b8637ca583</example>
    public Guid? ChallengeId { get; init; }

    /// <summary>The <c>PublicKeyCredential</c> of <c>navigator.credentials.get</c>, as its <c>toJSON()</c> gives it.</summary>
    public JsonElement? Assertion { get; init; }
}
