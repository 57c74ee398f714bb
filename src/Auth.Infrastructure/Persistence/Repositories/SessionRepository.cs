using Auth.Application.Abstractions;
using Auth.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence.Repositories;

internal sealed class SessionRepository(AuthDbContext db) : ISessionRepository
{
    // Compiled: refresh and logout run these on every call, and compiling skips EF's per-call expression hashing and lookup.
    private static readonly Func<AuthDbContext, Guid, CancellationToken, Task<Session?>> SessionById =
        EF.CompileAsyncQuery((AuthDbContext context, Guid id, CancellationToken _) => context.Sessions.FirstOrDefault(s => s.Id == id));

    // One statement for what refresh reads (token, session, user) instead of three.
    private static readonly Func<AuthDbContext, string, CancellationToken, Task<RefreshTokenOwner?>> RefreshTokenByHash =
        EF.CompileAsyncQuery((AuthDbContext context, string hash, CancellationToken _) =>
            (from token in context.RefreshTokens
             where token.Hash == hash
             join session in context.Sessions on token.SessionId equals session.Id
             join user in context.Users on session.UserId equals user.Id
             select new RefreshTokenOwner(token, session, user)).FirstOrDefault());

    public Task<Session?> FindByIdAsync(Guid id, CancellationToken cancellationToken) => SessionById(db, id, cancellationToken);

    public async Task<IReadOnlyList<Session>> ListActiveAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Sessions
            .Where(s => s.UserId == userId && s.EndedAt == null && s.ExpiresAt > now)
            .ToListAsync(cancellationToken);

    public void Add(Session session) => db.Sessions.Add(session);

    public Task<RefreshTokenOwner?> FindRefreshTokenAsync(string hash, CancellationToken cancellationToken) =>
        RefreshTokenByHash(db, hash, cancellationToken);

    public void AddRefreshToken(RefreshToken token) => db.RefreshTokens.Add(token);
}
