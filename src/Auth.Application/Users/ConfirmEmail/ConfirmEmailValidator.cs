using FluentValidation;

namespace Auth.Application.Users.ConfirmEmail;

public sealed class ConfirmEmailValidator : AbstractValidator<ConfirmEmailCommand>
{
    public ConfirmEmailValidator()
    {
        RuleFor(c => c.Token).NotEmpty().WithMessage("Token is required.").MaximumLength(256);
    }
}
