using Auth.Application.Passkeys.Common;
using FluentValidation;

namespace Auth.Application.Passkeys.SignInWithPasskey;

public sealed class SignInWithPasskeyValidator : AbstractValidator<SignInWithPasskeyCommand>
{
    public SignInWithPasskeyValidator()
    {
        RuleFor(c => c.ChallengeId).NotEmpty().WithMessage("challengeId is required.");
        RuleFor(c => c.Assertion).ValidCredentialJson("assertion");
    }
}
