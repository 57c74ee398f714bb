using Auth.Application.Common.Validation;
using FluentValidation;

namespace Auth.Application.Users.ForgotPassword;

public sealed class ForgotPasswordValidator : AbstractValidator<ForgotPasswordCommand>
{
    public ForgotPasswordValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
    }
}
