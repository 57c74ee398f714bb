using Auth.Application.Abstractions;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Common;
using Auth.Domain.Sessions;
using Mediator;

namespace Auth.Application.Sessions.Logout;

public sealed class LogoutHandler(
    ISessionRepository sessions,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<LogoutCommand, Result>
{
    public async ValueTask<Result> Handle(LogoutCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var scope = command.Scope ?? LogoutScope.Local;
        IEnumerable<Session> toEnd = scope == LogoutScope.Local
            ? await FindCurrentAsync(command.SessionId, cancellationToken)
            : (await sessions.ListActiveAsync(command.UserId, now, cancellationToken))
                .Where(s => scope == LogoutScope.Global || s.Id != command.SessionId);

        var reason = scope switch
        {
            LogoutScope.Global => SessionEndReason.LogoutEverywhere,
            LogoutScope.Others => SessionEndReason.LogoutOthers,
            _ => SessionEndReason.Logout,
        };
        SessionRevoker.End(toEnd, reason, now);

        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved;
        }

        return Result.Success;
    }

    private async Task<IEnumerable<Session>> FindCurrentAsync(Guid sessionId, CancellationToken cancellationToken) =>
        await sessions.FindByIdAsync(sessionId, cancellationToken) is { } session ? [session] : [];
}
