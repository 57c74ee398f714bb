using Auth.Application.Common.Validation;
using FluentValidation;

namespace Auth.Application.Users.ChangePassword;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Current password is required.")
            .MaximumLength(RuleExtensions.PasswordMaxLength);
        RuleFor(c => c.NewPassword).ValidNewPassword();
    }
}
