using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Common;
using Auth.Domain.Sessions;
using Mediator;

namespace Auth.Application.Admin.EndUserSessions;

public sealed class EndUserSessionsHandler(
    IUserRepository users,
    SessionRevoker revoker,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<EndUserSessionsCommand, Result>
{
    public async ValueTask<Result> Handle(EndUserSessionsCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.UserNotFound;
        }

        await revoker.EndAllAsync(user.Id, SessionEndReason.EndedByAdmin, time.GetUtcNow(), cancellationToken);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved;
        }

        return Result.Success;
    }
}
