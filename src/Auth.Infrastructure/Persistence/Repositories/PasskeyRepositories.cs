using Auth.Application.Abstractions;
using Auth.Domain.Passkeys;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence.Repositories;

internal sealed class PasskeyRepository(AuthDbContext db) : IPasskeyRepository
{
    public async Task<IReadOnlyList<Passkey>> ListForUserAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Passkeys.Where(p => p.UserId == userId).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);

    public Task<Passkey?> FindAsync(Guid userId, Guid id, CancellationToken cancellationToken) =>
        db.Passkeys.FirstOrDefaultAsync(p => p.Id == id && p.UserId == userId, cancellationToken);

    public Task<Passkey?> FindByCredentialIdAsync(byte[] credentialId, CancellationToken cancellationToken) =>
        db.Passkeys.FirstOrDefaultAsync(p => p.CredentialId == credentialId, cancellationToken);

    public void Add(Passkey passkey) => db.Passkeys.Add(passkey);

    public void Remove(Passkey passkey) => db.Passkeys.Remove(passkey);
}

/// <summary>
/// Taking a challenge is a read and then a conditional <c>DELETE</c> run at once (<c>ExecuteDelete</c>): of two
/// callers holding the same row, the database lets exactly one delete it, and only that one goes on.
/// </summary>
internal sealed class PasskeyChallengeStore(AuthDbContext db, WriteGate writeGate) : IPasskeyChallengeStore
{
    public void Add(PasskeyChallenge challenge) => db.PasskeyChallenges.Add(challenge);

    public async Task<PasskeyChallenge?> TakeAsync(Guid id, PasskeyCeremony ceremony, DateTimeOffset now, CancellationToken cancellationToken) =>
        await TakeAsync(
            await db.PasskeyChallenges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.Ceremony == ceremony, cancellationToken),
            now, cancellationToken);

    public async Task<PasskeyChallenge?> TakeRegistrationAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await TakeAsync(
            await db.PasskeyChallenges.AsNoTracking()
                .Where(c => c.UserId == userId && c.Ceremony == PasskeyCeremony.Registration && c.ExpiresAt > now)
                .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
                .FirstOrDefaultAsync(cancellationToken),
            now, cancellationToken);

    public async Task RemoveRegistrationsAsync(Guid userId, CancellationToken cancellationToken)
    {
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await db.PasskeyChallenges.Where(c => c.UserId == userId && c.Ceremony == PasskeyCeremony.Registration).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private async Task<PasskeyChallenge?> TakeAsync(PasskeyChallenge? found, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (found is null)
        {
            return null;
        }

        int deleted;
        using (await writeGate.EnterAsync(cancellationToken))
        {
            deleted = await db.PasskeyChallenges.Where(c => c.Id == found.Id).ExecuteDeleteAsync(cancellationToken);
        }

        return deleted == 1 && found.ExpiresAt > now ? found : null;
    }
}
