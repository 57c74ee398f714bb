using Auth.Application.Mfa.Common;
using FluentValidation;

namespace Auth.Application.Mfa.DisableTotp;

public sealed class DisableTotpValidator : AbstractValidator<DisableTotpCommand>
{
    public DisableTotpValidator() => RuleFor(c => c.Code).ValidCode();
}
