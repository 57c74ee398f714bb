using Auth.Application.Abstractions;
using Auth.Application.Admin.Common;
using Mediator;

namespace Auth.Application.Sessions.ListSessions;

public sealed class ListSessionsHandler(ISessionRepository sessions, ITokenLifetimes lifetimes, TimeProvider time)
    : IQueryHandler<ListSessionsQuery, Page<SessionView>>
{
    public async ValueTask<Page<SessionView>> Handle(ListSessionsQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // A session idle past its idle lifetime can no longer refresh: it is over for the user, so it is not listed.
        // Paged in memory: the session limit (Auth:MaxSessionsPerUser) bounds what one account can have running.
        var running = (await sessions.ListActiveAsync(query.UserId, now, cancellationToken))
            .Where(s => s.IsActive(now, lifetimes.RefreshTokenIdle))
            .OrderByDescending(s => s.LastUsedAt).ThenByDescending(s => s.Id)
            .ToList();
        var items = running
            .Skip((int)Math.Min((long)(query.Page - 1) * query.PageSize, int.MaxValue)).Take(query.PageSize)
            .Select(s => new SessionView(s.Id, s.CreatedAt, s.LastUsedAt, s.ClientAddress, s.UserAgent, s.Id == query.CurrentSessionId, s.Amr, s.Aal))
            .ToList();
        return new Page<SessionView>(items, running.Count, query.Page, query.PageSize);
    }
}
