using FluentValidation;

namespace Auth.Application.Users.CancelEmailChange;

public sealed class CancelEmailChangeValidator : AbstractValidator<CancelEmailChangeCommand>
{
    public CancelEmailChangeValidator()
    {
        RuleFor(c => c.Token).NotEmpty().WithMessage("Token is required.").MaximumLength(256);
    }
}
