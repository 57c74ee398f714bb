using Auth.Application.Abstractions;
using Auth.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence.Repositories;

internal sealed class SessionRepository(AuthDbContext db) : ISessionRepository
{
    public Task<Session?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        db.Sessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Session>> ListActiveAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Sessions
            .Where(s => s.UserId == userId && s.EndedAt == null && s.ExpiresAt > now)
            .ToListAsync(cancellationToken);

    public void Add(Session session) => db.Sessions.Add(session);

    public Task<RefreshToken?> FindRefreshTokenAsync(string hash, CancellationToken cancellationToken) =>
        db.RefreshTokens.FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken);

    public void AddRefreshToken(RefreshToken token) => db.RefreshTokens.Add(token);

    public void AddRevocation(SessionRevocation revocation) => db.SessionRevocations.Add(revocation);
}
