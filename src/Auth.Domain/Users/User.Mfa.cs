using Auth.Domain.Mfa;

namespace Auth.Domain.Users;

/// <summary>The account's second factor: an authenticator app's TOTP secret, kept encrypted.</summary>
public sealed partial class User
{
    /// <summary>The TOTP secret in force, encrypted at rest; null while TOTP is off.</summary>
    public string? TotpSecret { get; private set; }

    public DateTimeOffset? TotpEnabledAt { get; private set; }

    /// <summary>
    /// The RFC 6238 time step of the last code accepted: a code works once, and a code of an earlier step never again.
    /// A concurrency token, so two requests spending one code cannot both commit.
    /// </summary>
    public long? TotpLastUsedStep { get; private set; }

    /// <summary>An enrolment started but not confirmed with a code, encrypted like <see cref="TotpSecret"/>.</summary>
    public string? PendingTotpSecret { get; private set; }

    public DateTimeOffset? PendingTotpStartedAt { get; private set; }

    /// <summary>Signing in needs a second factor.</summary>
    public bool HasMfa => TotpEnabledAt is not null;

    /// <summary>Starts (or restarts) enrolment: the new secret waits for a code proving the app holds it.</summary>
    public void StartTotpEnrolment(string protectedSecret, DateTimeOffset now)
    {
        PendingTotpSecret = protectedSecret;
        PendingTotpStartedAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// Turns TOTP on with the pending secret, the code of <paramref name="step"/> having proved it. A credential change:
    /// the stamp moves, so a sign-in checked against the account without a second factor cannot commit.
    /// </summary>
    public void EnableTotp(long step, DateTimeOffset now)
    {
        if (PendingTotpSecret is null)
        {
            throw new InvalidOperationException("No TOTP enrolment is pending.");
        }

        TotpSecret = PendingTotpSecret;
        TotpEnabledAt = now;
        TotpLastUsedStep = step;
        PendingTotpSecret = null;
        PendingTotpStartedAt = null;
        UpdatedAt = now;
        SecurityStamp = Guid.NewGuid();
        Raise(new TotpEnabled(Id, Email, now));
    }

    /// <summary>Turns TOTP off (and forgets any pending enrolment); recovery codes go with it, removed by the caller.</summary>
    /// <returns>False when TOTP was not on.</returns>
    public bool DisableTotp(MfaChangeGrounds grounds, DateTimeOffset now)
    {
        var wasOn = HasMfa;
        TotpSecret = null;
        TotpEnabledAt = null;
        TotpLastUsedStep = null;
        PendingTotpSecret = null;
        PendingTotpStartedAt = null;
        if (!wasOn)
        {
            return false;
        }

        UpdatedAt = now;
        SecurityStamp = Guid.NewGuid();
        Raise(new TotpDisabled(Id, Email, grounds, now));
        return true;
    }

    /// <summary>Spends the code of <paramref name="step"/>: refused when that step, or a later one, was already used.</summary>
    public bool UseTotpStep(long step)
    {
        if (!HasMfa || step <= TotpLastUsedStep)
        {
            return false;
        }

        TotpLastUsedStep = step;
        return true;
    }

    /// <summary>A new set of recovery codes replaced the old one (the caller stores them).</summary>
    public void RecoveryCodesReplaced(DateTimeOffset now) => Raise(new RecoveryCodesRegenerated(Id, Email, now));

    /// <summary>A recovery code stood in for the authenticator; <paramref name="left"/> remain.</summary>
    public void RecoveryCodeUsed(int left, DateTimeOffset now) => Raise(new RecoveryCodeUsed(Id, Email, left, now));
}
