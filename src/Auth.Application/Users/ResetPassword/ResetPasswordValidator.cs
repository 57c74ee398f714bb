using Auth.Application.Common.Validation;
using FluentValidation;

namespace Auth.Application.Users.ResetPassword;

public sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordValidator()
    {
        RuleFor(c => c.Token).NotEmpty().WithMessage("Token is required.").MaximumLength(256);
        RuleFor(c => c.NewPassword).ValidNewPassword();
    }
}
