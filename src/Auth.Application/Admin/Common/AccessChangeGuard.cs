using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Domain.Users;

namespace Auth.Application.Admin.Common;

/// <summary>Keeps the service administrable: admins do not lock themselves out, and one admin always remains.</summary>
public sealed class AccessChangeGuard(IUserRepository users)
{
    /// <summary>
    /// Checks a change that takes admin power away from <paramref name="target"/>. The check holds under concurrency:
    /// the commit is made conditional on every remaining admin's security stamp, so of two admins demoting or disabling
    /// each other at once, the second commit fails (<c>ConcurrentUpdate</c>) and, checked again, answers <c>last_admin</c>.
    /// </summary>
    public async Task<Error?> CheckAsync(Guid actorId, User target, CancellationToken cancellationToken)
    {
        if (target.HasRole(RoleNames.Admin))
        {
            var admins = await users.ListWithRoleAsync(RoleNames.Admin, cancellationToken);
            if (!admins.Any(a => a.Id != target.Id))
            {
                return AuthErrors.LastAdmin;
            }

            foreach (var remaining in admins.Where(a => a.Id != target.Id))
            {
                users.RequireUnchanged(remaining);
            }
        }

        return target.Id == actorId ? AuthErrors.CannotChangeOwnAccess : null;
    }
}
