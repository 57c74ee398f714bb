using Auth.Application.Abstractions;
using Auth.Application.Admin.Common;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Domain.Sessions;
using Mediator;

namespace Auth.Application.Admin.EndUserSessions;

public sealed class EndUserSessionsHandler(
    IUserRepository users,
    UserSessionsEnder sessions,
    IUnitOfWork unitOfWork,
    ISecurityEventLog securityEvents,
    TimeProvider time) : ICommandHandler<EndUserSessionsCommand, Result>
{
    public async ValueTask<Result> Handle(EndUserSessionsCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.UserNotFound;
        }

        var revocations = await sessions.EndAllAsync(user, SessionEndReason.EndedByAdmin, time.GetUtcNow(), cancellationToken);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved;
        }

        sessions.Publish(revocations);
        securityEvents.Record(new SecurityEvent(SecurityEventType.SessionsEndedByAdmin, user.Id, null, command.Client, command.ActorId));
        return Result.Success;
    }
}
