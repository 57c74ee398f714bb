using Auth.Application.Mfa.Common;
using FluentValidation;

namespace Auth.Application.Mfa.ConfirmTotpEnrolment;

public sealed class ConfirmTotpEnrolmentValidator : AbstractValidator<ConfirmTotpEnrolmentCommand>
{
    public ConfirmTotpEnrolmentValidator()
    {
        RuleFor(c => c.Code).ValidCode();
        RuleFor(c => c.MfaToken).MaximumLength(MfaCodeRules.MfaTokenMaxLength);
    }
}
