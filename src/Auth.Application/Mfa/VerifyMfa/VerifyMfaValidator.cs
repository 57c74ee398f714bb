using Auth.Application.Mfa.Common;
using FluentValidation;

namespace Auth.Application.Mfa.VerifyMfa;

public sealed class VerifyMfaValidator : AbstractValidator<VerifyMfaCommand>
{
    public VerifyMfaValidator()
    {
        RuleFor(c => c.MfaToken).NotEmpty().WithMessage("mfaToken is required.").MaximumLength(MfaCodeRules.MfaTokenMaxLength);
        RuleFor(c => c.Code).MaximumLength(MfaCodeRules.CodeMaxLength);
        RuleFor(c => c.RecoveryCode).MaximumLength(MfaCodeRules.CodeMaxLength);
        RuleFor(c => c.Code).Must((c, _) => new[] { c.Code, c.RecoveryCode, c.Assertion }.Count(v => !string.IsNullOrEmpty(v)) == 1)
            .WithMessage("Give exactly one of code, recoveryCode and assertion.");
    }
}
