using Auth.Application.Abstractions;
using Auth.Domain.Mfa;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence.Repositories;

internal sealed class RecoveryCodeRepository(AuthDbContext db) : IRecoveryCodeRepository
{
    public async Task<IReadOnlyList<RecoveryCode>> ListUnusedAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.RecoveryCodes.Where(c => c.UserId == userId && c.UsedAt == null).ToListAsync(cancellationToken);

    public Task<int> CountUnusedAsync(Guid userId, CancellationToken cancellationToken) =>
        db.RecoveryCodes.CountAsync(c => c.UserId == userId && c.UsedAt == null, cancellationToken);

    public void Add(RecoveryCode code) => db.RecoveryCodes.Add(code);

    public async Task RemoveAllAsync(Guid userId, CancellationToken cancellationToken) =>
        db.RecoveryCodes.RemoveRange(await db.RecoveryCodes.Where(c => c.UserId == userId).ToListAsync(cancellationToken));
}

internal sealed class MfaChallengeRepository(AuthDbContext db) : IMfaChallengeRepository
{
    public void Add(MfaChallenge challenge) => db.MfaChallenges.Add(challenge);

    public Task<MfaChallenge?> FindAsync(string tokenHash, CancellationToken cancellationToken) =>
        db.MfaChallenges.FirstOrDefaultAsync(c => c.TokenHash == tokenHash, cancellationToken);
}
