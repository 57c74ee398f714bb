using Auth.Application.Abstractions;
using Mediator;

namespace Auth.Application.Sessions.ListSessions;

public sealed class ListSessionsHandler(ISessionRepository sessions, ITokenLifetimes lifetimes, TimeProvider time)
    : IQueryHandler<ListSessionsQuery, IReadOnlyList<SessionView>>
{
    public async ValueTask<IReadOnlyList<SessionView>> Handle(ListSessionsQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // A session idle past its idle lifetime can no longer refresh: it is over for the user, so it is not listed.
        return (await sessions.ListActiveAsync(query.UserId, now, cancellationToken))
            .Where(s => s.IsActive(now, lifetimes.RefreshTokenIdle))
            .OrderByDescending(s => s.LastUsedAt)
            .Select(s => new SessionView(s.Id, s.CreatedAt, s.LastUsedAt, s.ClientAddress, s.UserAgent, s.Id == query.CurrentSessionId, s.Amr, s.Aal))
            .ToList();
    }
}
