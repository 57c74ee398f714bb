using Microsoft.Extensions.Options;

namespace Auth.Api.Http;

/// <summary>A zero limit or window would refuse every request, or none; say so at start instead.</summary>
internal sealed class RateLimitSettingsValidator : IValidateOptions<RateLimitSettings>
{
    private static readonly TimeSpan LongestWindow = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, RateLimitSettings options)
    {
        var failures = new List<string>();
        CheckLimit(nameof(RateLimitSettings.PermitLimit), options.PermitLimit, failures);
        CheckWindow(nameof(RateLimitSettings.Window), options.Window, failures);
        CheckLimit(nameof(RateLimitSettings.EmailPermitLimit), options.EmailPermitLimit, failures);
        CheckWindow(nameof(RateLimitSettings.EmailWindow), options.EmailWindow, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckLimit(string key, int value, List<string> failures)
    {
        if (value < 1)
        {
            failures.Add($"{RateLimitSettings.Section}:{key} must be at least 1; it is {value}.");
        }
    }

    private static void CheckWindow(string key, TimeSpan value, List<string> failures)
    {
        if (value <= TimeSpan.Zero || value > LongestWindow)
        {
            failures.Add($"{RateLimitSettings.Section}:{key} must be between 00:00:01 and 1.00:00:00; it is {value}.");
        }
    }
}
