using Auth.Application.Passkeys.Common;
using FluentValidation;

namespace Auth.Application.Passkeys.RenamePasskey;

public sealed class RenamePasskeyValidator : AbstractValidator<RenamePasskeyCommand>
{
    public RenamePasskeyValidator() => RuleFor(c => c.Name).NotEmpty().WithMessage("Name is required.").ValidPasskeyName();
}
