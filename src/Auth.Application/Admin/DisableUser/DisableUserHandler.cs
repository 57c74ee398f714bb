using Auth.Application.Abstractions;
using Auth.Application.Admin.Common;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Common;
using Auth.Domain.Sessions;
using Mediator;

namespace Auth.Application.Admin.DisableUser;

public sealed class DisableUserHandler(
    IUserRepository users,
    AccessChangeGuard guard,
    SessionRevoker revoker,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<DisableUserCommand, Result<AdminUserView>>
{
    public async ValueTask<Result<AdminUserView>> Handle(DisableUserCommand command, CancellationToken cancellationToken) =>
        await AccessChangeRetry.RunAsync(unitOfWork, () => TryAsync(command, cancellationToken));

    private async Task<Result<AdminUserView>> TryAsync(DisableUserCommand command, CancellationToken cancellationToken)
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
        revoker.EndAllOnCommit(user.Id, SessionEndReason.AccountDisabled, now);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        return AdminUserView.From(user);
    }
}
