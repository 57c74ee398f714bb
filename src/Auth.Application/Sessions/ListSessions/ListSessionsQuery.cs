using Mediator;

namespace Auth.Application.Sessions.ListSessions;

public sealed record ListSessionsQuery(Guid UserId, Guid CurrentSessionId) : IQuery<IReadOnlyList<SessionView>>;

/// <summary>A session as its owner sees it; client details are as seen at sign-in.</summary>
public sealed record SessionView(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, string? ClientAddress, string? UserAgent, bool Current);
