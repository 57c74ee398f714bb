using Mediator;

namespace Auth.Application.Sessions.ListSessions;

public sealed record ListSessionsQuery(Guid UserId, Guid CurrentSessionId) : IQuery<IReadOnlyList<SessionView>>;

/// <summary>A session as its owner sees it; client details are as seen at sign-in.</summary>
/// <param name="Amr">How the sign-in was proven (RFC 8176); <paramref name="Aal"/> the assurance level it makes.</param>
public sealed record SessionView(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, string? ClientAddress, string? UserAgent, bool Current,
    IReadOnlyList<string> Amr, string Aal);
