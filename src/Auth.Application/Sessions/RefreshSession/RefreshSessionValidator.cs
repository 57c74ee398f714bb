using FluentValidation;

namespace Auth.Application.Sessions.RefreshSession;

/// <summary>
/// Only presence: a token of the wrong length or shape (an access token pasted by mistake) gets the same
/// <c>invalid_refresh_token</c> as an unknown one, so a client has one failure path, not two.
/// </summary>
public sealed class RefreshSessionValidator : AbstractValidator<RefreshSessionCommand>
{
    public RefreshSessionValidator() =>
        RuleFor(c => c.RefreshToken).NotEmpty().WithMessage("Refresh token is required.");
}
