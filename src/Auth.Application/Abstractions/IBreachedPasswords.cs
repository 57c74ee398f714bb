namespace Auth.Application.Abstractions;

/// <summary>A corpus of passwords known from breaches (Have I Been Pwned), asked without revealing the password.</summary>
public interface IBreachedPasswords
{
    /// <summary>
    /// Whether the password appears in the corpus; <see cref="BreachCheck.Unavailable"/> when the corpus could
    /// not be asked in time (the implementation logs and counts that).
    /// </summary>
    ValueTask<BreachCheck> CheckAsync(string password, CancellationToken cancellationToken);
}

public enum BreachCheck
{
    NotBreached,
    Breached,
    Unavailable,
}
