using Auth.Application.Common.Validation;
using FluentValidation;

namespace Auth.Application.Users.RegisterUser;

public sealed class RegisterUserValidator : AbstractValidator<RegisterUserCommand>
{
    public RegisterUserValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Password).ValidNewPassword();
        RuleFor(c => c.Name).ValidDisplayName();
    }
}
