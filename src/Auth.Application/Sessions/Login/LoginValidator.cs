using Auth.Application.Common.Validation;
using FluentValidation;

namespace Auth.Application.Sessions.Login;

public sealed class LoginValidator : AbstractValidator<LoginCommand>
{
    public LoginValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("Email is required.")
            .MaximumLength(Domain.Users.Email.MaxLength + 2);

        // Only the upper bound: a login must not reveal the password policy of an account, and an
        // attacker must not make us hash megabytes.
        RuleFor(c => c.Password).NotEmpty().WithMessage("Password is required.")
            .MaximumLength(RuleExtensions.PasswordMaxLength);
    }
}
