using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Application.Sessions.Common;
using Auth.Domain.Sessions;
using Mediator;

namespace Auth.Application.Sessions.EndSession;

public sealed class EndSessionHandler(
    ISessionRepository sessions,
    SessionRevoker revoker,
    IUnitOfWork unitOfWork,
    ISecurityEventLog securityEvents,
    TimeProvider time) : ICommandHandler<EndSessionCommand, Result>
{
    public async ValueTask<Result> Handle(EndSessionCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var session = await sessions.FindByIdAsync(command.TargetSessionId, cancellationToken);

        // Another user's session answers exactly like a missing one: ids of others' sessions are not confirmed.
        if (session is null || session.UserId != command.UserId || !session.IsActive(now))
        {
            return AuthErrors.SessionNotFound;
        }

        var revocations = revoker.End([session], SessionEndReason.EndedByUser, now);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved;
        }

        revoker.Publish(revocations);
        securityEvents.Record(new SecurityEvent(SecurityEventType.LoggedOut, command.UserId, session.Id, command.Client));
        return Result.Success;
    }
}
