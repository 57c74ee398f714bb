using Auth.Application.Mfa.Common;
using FluentValidation;

namespace Auth.Application.Mfa.RegenerateRecoveryCodes;

public sealed class RegenerateRecoveryCodesValidator : AbstractValidator<RegenerateRecoveryCodesCommand>
{
    public RegenerateRecoveryCodesValidator() => RuleFor(c => c.Code).ValidCode();
}
