using Auth.Domain.Events;

namespace Auth.Domain.Sessions;

/// <summary>
/// One sign-in on one device. Access tokens name it in their <c>sid</c> claim, so ending it ends them;
/// its refresh token is kept only as a hash.
/// </summary>
public sealed class Session : AggregateRoot
{
    // For EF Core: materialization sets every property.
    private Session()
    {
        Amr = [];
    }

    private Session(Guid id, Guid userId, DateTimeOffset now, DateTimeOffset expiresAt, string? clientAddress, string? userAgent, string[] amr)
    {
        Amr = amr;
        Id = id;
        UserId = userId;
        CreatedAt = now;
        LastUsedAt = now;
        ExpiresAt = expiresAt;
        ClientAddress = clientAddress;
        UserAgent = userAgent;
    }

    /// <summary>Longest user agent kept; browsers send far less, anything longer is noise or abuse.</summary>
    public const int MaxUserAgentLength = 512;

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastUsedAt { get; private set; }

    /// <summary>The absolute end of the session: its refresh token stops working then.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public string? ClientAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>How the sign-in that started the session was proven (RFC 8176); it never changes afterwards.</summary>
    public string[] Amr { get; private set; }

    /// <summary><c>aal2</c> when the sign-in proved two factors; a session started before MFA was turned on stays <c>aal1</c>.</summary>
    public string Aal => AuthenticationMethods.AssuranceLevel(Amr);

    public SessionEndReason? EndReason { get; private set; }

    /// <param name="amr">How the sign-in was proven; a password alone when not given.</param>
    public static Session Start(Guid userId, DateTimeOffset now, TimeSpan lifetime, string? clientAddress, string? userAgent,
        IReadOnlyList<string>? amr = null) =>
        new(Guid.CreateVersion7(now), userId, now, now + lifetime, clientAddress, TruncateUserAgent(userAgent),
            [.. amr ?? AuthenticationMethods.PasswordOnly]);

    public bool IsActive(DateTimeOffset now) => EndedAt is null && ExpiresAt > now;

    /// <summary>Active, and used within <paramref name="idleLifetime"/>: a refresh token unused that long stops working.</summary>
    public bool IsActive(DateTimeOffset now, TimeSpan idleLifetime) => IsActive(now) && LastUsedAt + idleLifetime > now;

    /// <summary>The session's refresh token was exchanged now.</summary>
    public void Touch(DateTimeOffset now)
    {
        LastUsedAt = now;
        Raise(new SessionRefreshed(Id, UserId, now));
    }

    /// <summary>The session's first refresh token, issued when it starts.</summary>
    public RefreshToken IssueRefreshToken(string hash, DateTimeOffset now) => RefreshToken.Issue(Id, hash, now);

    /// <summary>
    /// Exchanges <paramref name="presented"/>, one of this session's refresh tokens, under the rotation rules: each
    /// token works once; presented again within <see cref="RotationRules.ReuseGrace"/> of its use (two tabs racing)
    /// it yields the successor already issued; later, it is a stolen copy and the caller ends the session.
    /// </summary>
    /// <param name="successor">Makes the next token (its hash, and its value sealed under the presented one); called only when a new token is due.</param>
    public Rotation Rotate(RefreshToken presented, DateTimeOffset now, RotationRules rules, Func<SuccessorToken> successor)
    {
        if (presented.SessionId != Id)
        {
            throw new ArgumentException("The refresh token belongs to another session.", nameof(presented));
        }

        if (!IsActive(now, rules.IdleLifetime))
        {
            return Rotation.Refused;
        }

        if (presented.UsedAt is not null)
        {
            return presented.WasUsedWithin(rules.ReuseGrace, now) && presented.SealedSuccessor is { } sealedSuccessor
                ? Rotation.Replayed(sealedSuccessor)
                : Rotation.Reused;
        }

        var next = successor();
        presented.MarkUsed(now, next.SealedValue);
        Touch(now);
        return Rotation.Rotated(RefreshToken.Issue(Id, next.Hash, now));
    }

    /// <summary>Ends the session once; ending an ended session keeps the first reason and time.</summary>
    public bool End(DateTimeOffset now, SessionEndReason reason)
    {
        if (EndedAt is not null)
        {
            return false;
        }

        EndedAt = now;
        EndReason = reason;
        Raise(new SessionEnded(Id, UserId, reason, now));
        return true;
    }

    /// <summary>A user agent as stored: cut to <see cref="MaxUserAgentLength"/>, since clients choose its length.</summary>
    public static string? TruncateUserAgent(string? value) =>
        value is { Length: > MaxUserAgentLength } ? value[..MaxUserAgentLength] : value;
}
