using Auth.Application.Abstractions;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Admin.BootstrapAdmin;

public sealed class PromoteBootstrapAdminHandler(
    IUserRepository users,
    BootstrapAdminRule rule,
    IUnitOfWork unitOfWork,
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

        if (!rule.TryPromote(user, time.GetUtcNow(), RoleGrantGrounds.BootstrapAdminAtStart))
        {
            return BootstrapAdminOutcome.AwaitingConfirmation;
        }

        if (!(await unitOfWork.SaveChangesAsync(cancellationToken)).IsSuccess)
        {
            return BootstrapAdminOutcome.NotSaved;
        }

        return BootstrapAdminOutcome.Promoted;
    }
}
