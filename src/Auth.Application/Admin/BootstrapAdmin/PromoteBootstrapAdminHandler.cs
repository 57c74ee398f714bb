using Auth.Application.Abstractions;
using Auth.Application.Common.Security;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Admin.BootstrapAdmin;

public sealed class PromoteBootstrapAdminHandler(
    IUserRepository users,
    IAccountPolicy policy,
    IUnitOfWork unitOfWork,
    ISecurityEventLog securityEvents,
    TimeProvider time) : ICommandHandler<PromoteBootstrapAdminCommand, bool>
{
    /// <returns>True when the role was granted now.</returns>
    public async ValueTask<bool> Handle(PromoteBootstrapAdminCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(policy.BootstrapAdminEmail)
            || await users.FindByEmailAsync(Email.Normalize(policy.BootstrapAdminEmail), cancellationToken) is not { } user
            || !user.GrantRole(RoleNames.Admin, time.GetUtcNow()))
        {
            return false;
        }

        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (saved.IsSuccess)
        {
            securityEvents.Record(new SecurityEvent(SecurityEventType.RoleGranted, user.Id, null, ClientInfo.Unknown));
        }

        return saved.IsSuccess;
    }
}
