using Auth.Domain.Passkeys;
using Auth.Domain.Users;
using FluentValidation;

namespace Auth.Application.Passkeys.Common;

/// <summary>Field rules of the passkey requests, written once.</summary>
public static class PasskeyRules
{
    /// <summary>A passkey's name follows the display name's rules, shorter.</summary>
    public static IRuleBuilderOptions<T, string?> ValidPasskeyName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => n is null || Problem(n) is null).WithMessage((_, n) => n is null ? string.Empty : Problem(n) ?? string.Empty);

    /// <summary>The browser's answer, as JSON: required (the body's size limit bounds it).</summary>
    public static IRuleBuilderOptions<T, string> ValidCredentialJson<T>(this IRuleBuilder<T, string> rule, string field) =>
        rule.NotEmpty().WithMessage($"{field} is required.");

    private static string? Problem(string name) =>
        DisplayName.ProblemWith(name) is { } problem ? problem
        : name.Trim().Length > Passkey.MaxNameLength ? $"Name must be at most {Passkey.MaxNameLength} characters."
        : null;
}
