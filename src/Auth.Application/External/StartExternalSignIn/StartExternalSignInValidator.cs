using Auth.Application.External.Common;
using Auth.Domain.External;
using FluentValidation;

namespace Auth.Application.External.StartExternalSignIn;

public sealed class StartExternalSignInValidator : AbstractValidator<StartExternalSignInCommand>
{
    public StartExternalSignInValidator()
    {
        RuleFor(c => c.ReturnUrl).NotEmpty().WithMessage("returnUrl is required.")
            .MaximumLength(ExternalAuthorization.MaxUrlLength).WithMessage($"returnUrl must be at most {ExternalAuthorization.MaxUrlLength} characters.");
        When(c => c.LinkToUserId is null, () =>
            RuleFor(c => c.CodeChallenge).NotEmpty().WithMessage("codeChallenge is required.")
                .Must(ExchangeProof.IsChallenge).WithMessage(
                    $"codeChallenge must be the base64url SHA-256 of the code verifier ({ExchangeProof.ChallengeLength} characters, no padding)."));
    }
}
