using Auth.Application.External.Common;
using FluentValidation;

namespace Auth.Application.External.ExchangeExternalCode;

public sealed class ExchangeExternalCodeValidator : AbstractValidator<ExchangeExternalCodeCommand>
{
    public ExchangeExternalCodeValidator()
    {
        RuleFor(c => c.Code).NotEmpty().WithMessage("code is required.").MaximumLength(256).WithMessage("code must be at most 256 characters.");
        RuleFor(c => c.CodeVerifier).NotEmpty().WithMessage("codeVerifier is required.")
            .Must(ExchangeProof.IsVerifier).WithMessage(
                $"codeVerifier must be {ExchangeProof.MinVerifierLength} to {ExchangeProof.MaxVerifierLength} characters of A-Z, a-z, 0-9, '-', '.', '_', '~'.");
    }
}
