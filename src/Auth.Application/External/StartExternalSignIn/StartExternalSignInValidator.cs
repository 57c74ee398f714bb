using Auth.Domain.External;
using FluentValidation;

namespace Auth.Application.External.StartExternalSignIn;

public sealed class StartExternalSignInValidator : AbstractValidator<StartExternalSignInCommand>
{
    public StartExternalSignInValidator() =>
        RuleFor(c => c.ReturnUrl).NotEmpty().WithMessage("returnUrl is required.")
            .MaximumLength(ExternalAuthorization.MaxUrlLength).WithMessage($"returnUrl must be at most {ExternalAuthorization.MaxUrlLength} characters.");
}
