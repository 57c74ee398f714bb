using Auth.Application.Abstractions;
using Auth.Application.Admin.Common;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Domain.Sessions;
using Mediator;

namespace Auth.Application.Admin.DisableUser;

public sealed class DisableUserHandler(
    IUserRepository users,
    AccessChangeGuard guard,
    UserSessionsEnder sessions,
    IUnitOfWork unitOfWork,
    ISecurityEventLog securityEvents,
    TimeProvider time) : ICommandHandler<DisableUserCommand, Result<AdminUserView>>
{
    public async ValueTask<Result<AdminUserView>> Handle(DisableUserCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.UserNotFound;
        }

        if (user.IsDisabled)
        {
            return AdminUserView.From(user);
        }

        if (await guard.CheckAsync(command.ActorId, user, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        user.Disable(now);
        var revocations = await sessions.EndAllAsync(user, SessionEndReason.AccountDisabled, now, cancellationToken);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        sessions.Publish(revocations);
        securityEvents.Record(new SecurityEvent(SecurityEventType.AccountDisabled, user.Id, null, command.Client, command.ActorId));
        return AdminUserView.From(user);
    }
}
