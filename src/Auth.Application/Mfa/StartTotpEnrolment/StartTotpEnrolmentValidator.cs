using Auth.Application.Common.Validation;
using Auth.Application.Mfa.Common;
using FluentValidation;

namespace Auth.Application.Mfa.StartTotpEnrolment;

public sealed class StartTotpEnrolmentValidator : AbstractValidator<StartTotpEnrolmentCommand>
{
    public StartTotpEnrolmentValidator()
    {
        RuleFor(c => c.MfaToken).MaximumLength(MfaCodeRules.MfaTokenMaxLength);
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Current password is required.")
            .MaximumLength(RuleExtensions.PasswordMaxLength)
            .When(c => c.MfaToken is null);
    }
}
