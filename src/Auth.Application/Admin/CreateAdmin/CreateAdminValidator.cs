using Auth.Application.Common.Validation;
using FluentValidation;

namespace Auth.Application.Admin.CreateAdmin;

public sealed class CreateAdminValidator : AbstractValidator<CreateAdminCommand>
{
    public CreateAdminValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Password).ValidNewPassword();
        RuleFor(c => c.Name).ValidDisplayName();
    }
}
