using Auth.Domain.Users;
using FluentValidation;

namespace Auth.Application.Admin.RevokeRole;

public sealed class RevokeRoleValidator : AbstractValidator<RevokeRoleCommand>
{
    public RevokeRoleValidator()
    {
        RuleFor(c => c.Role).Must(r => RoleNames.IsKnown(r) && r != RoleNames.User)
            .WithMessage("Only the admin role can be revoked; every user holds 'user'.");
    }
}
