using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Domain.Users;

namespace Auth.Application.Admin.Common;

/// <summary>Keeps the service administrable: admins do not lock themselves out, and one admin always remains.</summary>
public sealed class AccessChangeGuard(IUserRepository users)
{
    /// <summary>Checks a change that takes admin power away from <paramref name="target"/>.</summary>
    public async Task<Error?> CheckAsync(Guid actorId, User target, CancellationToken cancellationToken)
    {
        if (target.HasRole(RoleNames.Admin) && await users.CountWithRoleAsync(RoleNames.Admin, cancellationToken) <= 1)
        {
            return AuthErrors.LastAdmin;
        }

        return target.Id == actorId ? AuthErrors.CannotChangeOwnAccess : null;
    }
}
