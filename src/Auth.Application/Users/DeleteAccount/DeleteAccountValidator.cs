using Auth.Application.Common.Validation;
using FluentValidation;

namespace Auth.Application.Users.DeleteAccount;

public sealed class DeleteAccountValidator : AbstractValidator<DeleteAccountCommand>
{
    public DeleteAccountValidator() =>
        RuleFor(c => c.Password).NotEmpty().WithMessage("Password is required.").MaximumLength(RuleExtensions.PasswordMaxLength);
}
