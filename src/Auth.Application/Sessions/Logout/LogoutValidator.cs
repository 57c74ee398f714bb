using FluentValidation;

namespace Auth.Application.Sessions.Logout;

public sealed class LogoutValidator : AbstractValidator<LogoutCommand>
{
    public LogoutValidator()
    {
        RuleFor(c => c.Scope)
            .Must(s => s is null || LogoutScope.All.Contains(s))
            .WithMessage($"Scope must be one of: {string.Join(", ", LogoutScope.All)}.");
    }
}
