using Auth.Application.Abstractions;
using Auth.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence.Repositories;

internal sealed class AccountTokenRepository(AuthDbContext db) : IAccountTokenRepository
{
    public Task<AccountToken?> FindAsync(string hash, CancellationToken cancellationToken) =>
        db.AccountTokens.FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken);

    public async Task<IReadOnlyList<AccountToken>> ListUsableAsync(Guid userId, AccountTokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.AccountTokens.Where(t => t.UserId == userId && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<DateTimeOffset>> ListIssuedSinceAsync(Guid userId, AccountTokenPurpose purpose, DateTimeOffset since, CancellationToken cancellationToken) =>
        await db.AccountTokens.Where(t => t.UserId == userId && t.Purpose == purpose && t.CreatedAt > since)
            .Select(t => t.CreatedAt).ToListAsync(cancellationToken);

    public Task<int> CountIssuedSinceAsync(Guid userId, AccountTokenPurpose purpose, DateTimeOffset since, CancellationToken cancellationToken) =>
        db.AccountTokens.CountAsync(t => t.UserId == userId && t.Purpose == purpose && t.CreatedAt >= since, cancellationToken);

    public void Add(AccountToken token) => db.AccountTokens.Add(token);
}
