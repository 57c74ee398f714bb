using FluentValidation;

namespace Auth.Application.Users.ConfirmEmailChange;

public sealed class ConfirmEmailChangeValidator : AbstractValidator<ConfirmEmailChangeCommand>
{
    public ConfirmEmailChangeValidator()
    {
        RuleFor(c => c.Token).NotEmpty().WithMessage("Token is required.").MaximumLength(256);
    }
}
