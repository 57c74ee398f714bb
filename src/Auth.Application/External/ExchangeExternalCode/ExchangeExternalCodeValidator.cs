using FluentValidation;

namespace Auth.Application.External.ExchangeExternalCode;

public sealed class ExchangeExternalCodeValidator : AbstractValidator<ExchangeExternalCodeCommand>
{
    public ExchangeExternalCodeValidator() =>
        RuleFor(c => c.Code).NotEmpty().WithMessage("code is required.").MaximumLength(256).WithMessage("code must be at most 256 characters.");
}
