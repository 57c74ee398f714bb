using Auth.Application.Passkeys.Common;
using FluentValidation;

namespace Auth.Application.Passkeys.RegisterPasskey;

public sealed class RegisterPasskeyValidator : AbstractValidator<RegisterPasskeyCommand>
{
    public RegisterPasskeyValidator()
    {
        RuleFor(c => c.Attestation).ValidCredentialJson("attestation");
        RuleFor(c => c.Name).ValidPasskeyName();
    }
}
