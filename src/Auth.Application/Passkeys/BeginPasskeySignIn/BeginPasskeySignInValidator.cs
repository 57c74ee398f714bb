using Auth.Domain.Users;
using FluentValidation;

namespace Auth.Application.Passkeys.BeginPasskeySignIn;

public sealed class BeginPasskeySignInValidator : AbstractValidator<BeginPasskeySignInCommand>
{
    public BeginPasskeySignInValidator() => RuleFor(c => c.Email).MaximumLength(Email.MaxLength).When(c => c.Email is not null);
}
