namespace Auth.Application.Abstractions;

public enum PasswordVerification
{
    Failed,
    Succeeded,

    /// <summary>Correct, but hashed with weaker parameters than today's: store a new hash.</summary>
    SucceededRehashNeeded,
}
