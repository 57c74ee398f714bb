namespace Auth.Application.Abstractions;

/// <summary>Second-factor rules that deployments choose (the <c>Auth:Mfa</c> settings).</summary>
public interface IMfaPolicy
{
    /// <summary>Accounts holding any of these roles must have a second factor to sign in.</summary>
    IReadOnlyList<string> RequiredForRoles { get; }

    /// <summary>How long an mfaToken lasts.</summary>
    TimeSpan ChallengeLifetime { get; }

    /// <summary>Wrong codes that spend an mfaToken.</summary>
    int MaxCodeFailures { get; }
}
