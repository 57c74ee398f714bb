namespace Auth.Application.Abstractions;

public interface ILockoutPolicy
{
    /// <summary>Consecutive failures for one email that start a lockout.</summary>
    int MaxFailures { get; }

    TimeSpan Duration { get; }
}
