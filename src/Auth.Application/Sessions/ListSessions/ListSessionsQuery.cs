using Auth.Application.Admin.Common;
using Mediator;

namespace Auth.Application.Sessions.ListSessions;

/// <summary>The caller's running sessions, most recently used first, one page at a time.</summary>
public sealed record ListSessionsQuery(Guid UserId, Guid CurrentSessionId, int Page = 1, int PageSize = ListSessionsQuery.DefaultPageSize)
    : IQuery<Page<SessionView>>
{
    public const int DefaultPageSize = 50;
}

/// <summary>A session as its owner sees it; client details are as seen at sign-in.</summary>
/// <param name="Amr">How the sign-in was proven (RFC 8176); <paramref name="Aal"/> the assurance level it makes.</param>
public sealed record SessionView(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, string? ClientAddress, string? UserAgent, bool Current,
    IReadOnlyList<string> Amr, string Aal);
