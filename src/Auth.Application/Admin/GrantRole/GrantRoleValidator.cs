using Auth.Domain.Users;
using FluentValidation;

namespace Auth.Application.Admin.GrantRole;

public sealed class GrantRoleValidator : AbstractValidator<GrantRoleCommand>
{
    public GrantRoleValidator()
    {
        RuleFor(c => c.Role).Must(RoleNames.IsKnown).WithMessage($"Role must be one of: {string.Join(", ", RoleNames.All)}.");
    }
}
