using Auth.Application.Abstractions;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Security;

/// <summary>Brute-force lockout, bound from <c>Lockout</c>.</summary>
public sealed class LockoutOptions
{
    public const string Section = "Lockout";

    /// <summary>Failures from clients the account does not know (shared) that lock the email.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>Failures from one known device that lock that device alone.</summary>
    public int DeviceMaxFailures { get; set; } = 5;

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}

internal sealed class LockoutPolicy(IOptions<LockoutOptions> options) : ILockoutPolicy
{
    public int MaxFailures => options.Value.MaxFailures;

    public int DeviceMaxFailures => options.Value.DeviceMaxFailures;

    public TimeSpan Duration => options.Value.Duration;
}

internal sealed class LockoutOptionsValidator : IValidateOptions<LockoutOptions>
{
    public ValidateOptionsResult Validate(string? name, LockoutOptions options) =>
        options.MaxFailures is >= 1 and <= 100 && options.DeviceMaxFailures is >= 1 and <= 100
            && options.Duration > TimeSpan.Zero && options.Duration <= TimeSpan.FromDays(1)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Lockout:MaxFailures and Lockout:DeviceMaxFailures must be 1 to 100 and Lockout:Duration between 00:00:01 and 1.00:00:00.");
}
