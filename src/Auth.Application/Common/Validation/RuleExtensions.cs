using Auth.Domain.Users;
using FluentValidation;

namespace Auth.Application.Common.Validation;

/// <summary>The contract's field rules, written once and shared by every validator that takes the field.</summary>
public static class RuleExtensions
{
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 128;
    public const int MaxPageSize = 100;

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Email is required.")
            .Must(e => e.Trim().Length <= Email.MaxLength).WithMessage($"Email must be at most {Email.MaxLength} characters.")
            .Must(Email.IsWellFormed).WithMessage("Email is not a valid address.");

    /// <summary>Length only, no composition rules (NIST SP 800-63B §3.1.1.2).</summary>
    public static IRuleBuilderOptions<T, string> ValidNewPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Password is required.")
            .Length(PasswordMinLength, PasswordMaxLength)
            .WithMessage($"Password must be {PasswordMinLength} to {PasswordMaxLength} characters.");

    /// <summary>The domain's rules (<see cref="DisplayName"/>), with its message for the first one broken.</summary>
    public static IRuleBuilderOptions<T, string> ValidDisplayName<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(n => DisplayName.ProblemWith(n) is null).WithMessage((_, n) => DisplayName.ProblemWith(n) ?? string.Empty);

    public static IRuleBuilderOptions<T, int> ValidPage<T>(this IRuleBuilder<T, int> rule) =>
        rule.GreaterThanOrEqualTo(1).WithMessage("Page starts at 1.");

    public static IRuleBuilderOptions<T, int> ValidPageSize<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, MaxPageSize).WithMessage($"Page size must be between 1 and {MaxPageSize}.");
}
