using Auth.Application.Abstractions;
using Auth.Application.Common.Security;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Admin.BootstrapAdmin;

public sealed class PromoteBootstrapAdminHandler(
    IUserRepository users,
    BootstrapAdminRule rule,
    IUnitOfWork unitOfWork,
    ISecurityEventLog securityEvents,
    TimeProvider time) : ICommandHandler<PromoteBootstrapAdminCommand, BootstrapAdminOutcome>
{
    public async ValueTask<BootstrapAdminOutcome> Handle(PromoteBootstrapAdminCommand command, CancellationToken cancellationToken)
    {
        if (rule.NormalizedEmail is not { } email)
        {
            return BootstrapAdminOutcome.NotConfigured;
        }

        if (await users.FindByEmailAsync(email, cancellationToken) is not { } user)
        {
            return BootstrapAdminOutcome.NoAccountYet;
        }

        if (user.HasRole(RoleNames.Admin))
        {
            return BootstrapAdminOutcome.AlreadyAdmin;
        }

        if (!rule.TryPromote(user, time.GetUtcNow()))
        {
            return BootstrapAdminOutcome.AwaitingConfirmation;
        }

        if (!(await unitOfWork.SaveChangesAsync(cancellationToken)).IsSuccess)
        {
            return BootstrapAdminOutcome.NotSaved;
        }

        securityEvents.Record(new SecurityEvent(SecurityEventType.BootstrapAdminAtStart, user.Id, null, ClientInfo.Unknown));
        return BootstrapAdminOutcome.Promoted;
    }
}
