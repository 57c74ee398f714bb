using Auth.Application.Abstractions;
using Auth.Application.Admin.Common;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Common;
using Auth.Domain.Sessions;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Admin.RevokeRole;

public sealed class RevokeRoleHandler(
    IUserRepository users,
    AccessChangeGuard guard,
    SessionRevoker revoker,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<RevokeRoleCommand, Result<AdminUserView>>
{
    public async ValueTask<Result<AdminUserView>> Handle(RevokeRoleCommand command, CancellationToken cancellationToken) =>
        await AccessChangeRetry.RunAsync(unitOfWork, () => TryAsync(command, cancellationToken));

    private async Task<Result<AdminUserView>> TryAsync(RevokeRoleCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.UserNotFound;
        }

        if (!user.HasRole(command.Role))
        {
            return AdminUserView.From(user);
        }

        if (command.Role == RoleNames.Admin && await guard.CheckAsync(command.ActorId, user, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        user.RevokeRole(command.Role, now);
        revoker.EndAllOnCommit(user.Id, SessionEndReason.RoleRevoked, now);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        return AdminUserView.From(user);
    }
}
