namespace Auth.Domain.Sessions;

/// <summary>What presenting a refresh token to its session came to (see <see cref="Session.Rotate"/>).</summary>
public sealed record Rotation
{
    private Rotation(RotationOutcome outcome, RefreshToken? issued, string? sealedSuccessor)
    {
        Outcome = outcome;
        Issued = issued;
        SealedSuccessor = sealedSuccessor;
    }

    /// <summary>The session has ended, expired or sat idle too long.</summary>
    public static Rotation Refused { get; } = new(RotationOutcome.Refused, null, null);

    /// <summary>Presented again after the grace window: treat it as stolen and end the session.</summary>
    public static Rotation Reused { get; } = new(RotationOutcome.Reused, null, null);

    public RotationOutcome Outcome { get; }

    /// <summary>For <see cref="RotationOutcome.Rotated"/>: the new token, to be stored.</summary>
    public RefreshToken? Issued { get; }

    /// <summary>For <see cref="RotationOutcome.Replayed"/>: the successor already issued, sealed under the presented token.</summary>
    public string? SealedSuccessor { get; }

    public static Rotation Rotated(RefreshToken issued) => new(RotationOutcome.Rotated, issued, null);

    public static Rotation Replayed(string sealedSuccessor) => new(RotationOutcome.Replayed, null, sealedSuccessor);
}

public enum RotationOutcome
{
    Rotated,
    Replayed,
    Reused,
    Refused,
}

/// <param name="IdleLifetime">A session unused this long no longer refreshes.</param>
/// <param name="ReuseGrace">How long after its use a token may be presented again by a racing twin.</param>
public sealed record RotationRules(TimeSpan IdleLifetime, TimeSpan ReuseGrace);

/// <param name="Hash">What the database keeps of the new token.</param>
/// <param name="SealedValue">Its value encrypted under the presented token, for a racing twin within the grace window.</param>
public sealed record SuccessorToken(string Hash, string SealedValue);
