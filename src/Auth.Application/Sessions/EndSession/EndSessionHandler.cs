using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Common;
using Auth.Domain.Sessions;
using Mediator;

namespace Auth.Application.Sessions.EndSession;

public sealed class EndSessionHandler(
    ISessionRepository sessions,
    IUnitOfWork unitOfWork,
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

        SessionRevoker.End([session], SessionEndReason.EndedByUser, now);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved;
        }

        return Result.Success;
    }
}
