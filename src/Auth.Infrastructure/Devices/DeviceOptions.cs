using Auth.Application.Abstractions;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Devices;

/// <summary>Known devices (device tokens) and the new-device alert, bound from <c>Devices</c>.</summary>
public sealed class DeviceOptions
{
    public const string Section = "Devices";

    /// <summary>A device that does not sign in for this long is forgotten (its token and cookie expire).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Mail the owner when an account that has a known device signs in from a new one.</summary>
    public bool NewDeviceAlert { get; set; } = true;
}

internal sealed class DevicePolicy(IOptions<DeviceOptions> options) : IDevicePolicy
{
    public TimeSpan TokenLifetime => options.Value.TokenLifetime;

    public bool NewDeviceAlert => options.Value.NewDeviceAlert;
}

internal sealed class DeviceOptionsValidator : IValidateOptions<DeviceOptions>
{
    public ValidateOptionsResult Validate(string? name, DeviceOptions options) =>
        options.TokenLifetime >= TimeSpan.FromDays(1) && options.TokenLifetime <= TimeSpan.FromDays(400)
            ? ValidateOptionsResult.Success
            // 400 days: the longest a browser keeps a cookie (RFC 6265bis caps Max-Age there).
            : ValidateOptionsResult.Fail("Devices:TokenLifetime must be between 1.00:00:00 and 400.00:00:00.");
}
