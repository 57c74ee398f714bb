using Auth.Domain.Sessions;

namespace Auth.Application.Abstractions;

public interface ISessionRepository
{
    Task<Session?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The user's sessions that have neither ended nor expired at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<Session>> ListActiveAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken);

    void Add(Session session);

    /// <summary>
    /// The refresh token with this hash, tracked with its session and user, in one read: refresh runs it on every
    /// call. Null when no such token exists (or its session or user is gone).
    /// </summary>
    Task<RefreshTokenOwner?> FindRefreshTokenAsync(string hash, CancellationToken cancellationToken);

    void AddRefreshToken(RefreshToken token);
}
