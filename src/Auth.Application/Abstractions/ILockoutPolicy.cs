namespace Auth.Application.Abstractions;

public interface ILockoutPolicy
{
    /// <summary>Consecutive failures that lock a shared budget (an email's untrusted clients, one session's re-authentication).</summary>
    int MaxFailures { get; }

    /// <summary>Consecutive failures that lock one known device's own budget.</summary>
    int DeviceMaxFailures { get; }

    TimeSpan Duration { get; }
}
