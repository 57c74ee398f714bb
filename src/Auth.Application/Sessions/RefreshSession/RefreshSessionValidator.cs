using FluentValidation;

namespace Auth.Application.Sessions.RefreshSession;

public sealed class RefreshSessionValidator : AbstractValidator<RefreshSessionCommand>
{
    public RefreshSessionValidator() =>
        RuleFor(c => c.RefreshToken).NotEmpty().WithMessage("Refresh token is required.").MaximumLength(256);
}
