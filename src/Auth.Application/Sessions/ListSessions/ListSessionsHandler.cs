using Auth.Application.Abstractions;
using Mediator;

namespace Auth.Application.Sessions.ListSessions;

public sealed class ListSessionsHandler(ISessionRepository sessions, TimeProvider time)
    : IQueryHandler<ListSessionsQuery, IReadOnlyList<SessionView>>
{
    public async ValueTask<IReadOnlyList<SessionView>> Handle(ListSessionsQuery query, CancellationToken cancellationToken) =>
        (await sessions.ListActiveAsync(query.UserId, time.GetUtcNow(), cancellationToken))
            .OrderByDescending(s => s.LastUsedAt)
            .Select(s => new SessionView(s.Id, s.CreatedAt, s.LastUsedAt, s.ClientAddress, s.UserAgent, s.Id == query.CurrentSessionId))
            .ToList();
}
