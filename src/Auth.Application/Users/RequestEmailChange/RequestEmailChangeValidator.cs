using Auth.Application.Common.Validation;
using FluentValidation;

namespace Auth.Application.Users.RequestEmailChange;

public sealed class RequestEmailChangeValidator : AbstractValidator<RequestEmailChangeCommand>
{
    public RequestEmailChangeValidator()
    {
        RuleFor(c => c.NewEmail).ValidEmail();
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Current password is required.")
            .MaximumLength(RuleExtensions.PasswordMaxLength);
    }
}
