namespace Auth.Application.Abstractions;

/// <summary>Known devices (device tokens) and the new-device alert.</summary>
public interface IDevicePolicy
{
    /// <summary>A device that does not sign in for this long is forgotten.</summary>
    TimeSpan TokenLifetime { get; }

    /// <summary>Mail the owner when an account that already has a known device signs in from a new one.</summary>
    bool NewDeviceAlert { get; }
}
