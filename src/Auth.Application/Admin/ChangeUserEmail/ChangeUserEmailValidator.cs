using Auth.Application.Common.Validation;
using FluentValidation;

namespace Auth.Application.Admin.ChangeUserEmail;

public sealed class ChangeUserEmailValidator : AbstractValidator<ChangeUserEmailCommand>
{
    public ChangeUserEmailValidator()
    {
        When(c => c.Email is not null, () => RuleFor(c => c.Email!).ValidEmail());
    }
}
