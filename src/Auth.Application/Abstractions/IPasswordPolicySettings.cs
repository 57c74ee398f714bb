namespace Auth.Application.Abstractions;

/// <summary>Which password checks a deployment turned on (the <c>Passwords</c> settings).</summary>
public interface IPasswordPolicySettings
{
    /// <summary>The offline checks: the common-password list and its disguises, personal info, repetition.</summary>
    bool BlocklistEnabled { get; }

    bool BreachCheckEnabled { get; }

    /// <summary>When the breach corpus cannot be asked: true refuses the password, false judges it offline only.</summary>
    bool BreachCheckFailClosed { get; }
}
