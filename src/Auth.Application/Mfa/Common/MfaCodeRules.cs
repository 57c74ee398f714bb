using FluentValidation;

namespace Auth.Application.Mfa.Common;

/// <summary>Field rules of the second-factor requests, written once.</summary>
public static class MfaCodeRules
{
    /// <summary>Longer than any TOTP or recovery code, with room for dashes and spaces.</summary>
    public const int CodeMaxLength = 32;

    /// <summary>An mfaToken is 43 base64url characters; anything far longer is not one.</summary>
    public const int MfaTokenMaxLength = 128;

    public static IRuleBuilderOptions<T, string?> ValidCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Code is required.").MaximumLength(CodeMaxLength);
}
