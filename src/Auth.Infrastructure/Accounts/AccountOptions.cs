using Auth.Application.Abstractions;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Accounts;

/// <summary>Account rules, bound from <c>Auth</c>.</summary>
public sealed class AccountOptions
{
    public const string Section = "Auth";

    public bool RequireConfirmedEmail { get; set; }

    public TimeSpan EmailConfirmationLifetime { get; set; } = TimeSpan.FromHours(48);

    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromMinutes(30);

    public int PasswordResetsPerHour { get; set; } = 3;

    /// <summary>How long a requested email change waits for the new address's confirmation.</summary>
    public TimeSpan EmailChangeLifetime { get; set; } = TimeSpan.FromHours(24);

    public int EmailChangesPerHour { get; set; } = 3;

    public int ConfirmationMailsPerHour { get; set; } = 4;

    public int MaxSessionsPerUser { get; set; } = 100;

    public BootstrapSettings Bootstrap { get; set; } = new();
}

public sealed class BootstrapSettings
{
    /// <summary>This address gets the admin role when it signs up, or at start if it already has an account.</summary>
    public string? AdminEmail { get; set; }
}

internal sealed class AccountPolicy(IOptions<AccountOptions> options) : IAccountPolicy
{
    public bool RequireConfirmedEmail => options.Value.RequireConfirmedEmail;

    public TimeSpan EmailConfirmationLifetime => options.Value.EmailConfirmationLifetime;

    public TimeSpan PasswordResetLifetime => options.Value.PasswordResetLifetime;

    public int PasswordResetsPerHour => options.Value.PasswordResetsPerHour;

    public TimeSpan EmailChangeLifetime => options.Value.EmailChangeLifetime;

    public int EmailChangesPerHour => options.Value.EmailChangesPerHour;

    public int ConfirmationMailsPerHour => options.Value.ConfirmationMailsPerHour;

    public int MaxSessionsPerUser => options.Value.MaxSessionsPerUser;

    public string? BootstrapAdminEmail => options.Value.Bootstrap.AdminEmail;
}

internal sealed class AccountOptionsValidator : IValidateOptions<AccountOptions>
{
    public ValidateOptionsResult Validate(string? name, AccountOptions options)
    {
        var failures = new List<string>();
        if (options.EmailConfirmationLifetime < TimeSpan.FromMinutes(5) || options.EmailConfirmationLifetime > TimeSpan.FromDays(30))
        {
            failures.Add("Auth:EmailConfirmationLifetime must be between 00:05:00 and 30.00:00:00.");
        }

        if (options.PasswordResetLifetime < TimeSpan.FromMinutes(5) || options.PasswordResetLifetime > TimeSpan.FromDays(1))
        {
            failures.Add("Auth:PasswordResetLifetime must be between 00:05:00 and 1.00:00:00.");
        }

        if (options.PasswordResetsPerHour < 1)
        {
            failures.Add("Auth:PasswordResetsPerHour must be at least 1.");
        }

        if (options.EmailChangeLifetime < TimeSpan.FromMinutes(5) || options.EmailChangeLifetime > TimeSpan.FromDays(7))
        {
            failures.Add("Auth:EmailChangeLifetime must be between 00:05:00 and 7.00:00:00.");
        }

        if (options.EmailChangesPerHour < 1 || options.EmailChangesPerHour > 100)
        {
            failures.Add("Auth:EmailChangesPerHour must be between 1 and 100.");
        }

        if (options.ConfirmationMailsPerHour < 2)
        {
            failures.Add("Auth:ConfirmationMailsPerHour must be at least 2 (the signup's mail and one resend).");
        }

        if (options.MaxSessionsPerUser is < 1 or > 10_000)
        {
            failures.Add("Auth:MaxSessionsPerUser must be between 1 and 10000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
