using Auth.Application.Abstractions;
using Auth.Domain.External;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence.Repositories;

internal sealed class ExternalIdentityRepository(AuthDbContext db) : IExternalIdentityRepository
{
    public Task<ExternalIdentity?> FindAsync(string provider, string subject, CancellationToken cancellationToken) =>
        db.ExternalIdentities.FirstOrDefaultAsync(i => i.Provider == provider && i.Subject == subject, cancellationToken);

    public async Task<IReadOnlyList<ExternalIdentity>> ListForUserAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.ExternalIdentities.Where(i => i.UserId == userId).OrderBy(i => i.LinkedAt).ThenBy(i => i.Id).ToListAsync(cancellationToken);

    public void Add(ExternalIdentity identity) => db.ExternalIdentities.Add(identity);

    public void Remove(ExternalIdentity identity) => db.ExternalIdentities.Remove(identity);
}

/// <summary>
/// Taking is a read and then a conditional <c>DELETE</c> run at once (<c>ExecuteDelete</c>), as for passkey
/// challenges: of two callers holding the same state or code, the database lets exactly one delete it.
/// </summary>
internal sealed class ExternalSignInStore(AuthDbContext db, WriteGate writeGate) : IExternalSignInStore
{
    public void Add(ExternalAuthorization authorization) => db.ExternalAuthorizations.Add(authorization);

    public void Add(ExternalSignInGrant grant) => db.ExternalSignInGrants.Add(grant);

    public async Task<ExternalAuthorization?> TakeAuthorizationAsync(string stateHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = await db.ExternalAuthorizations.AsNoTracking().FirstOrDefaultAsync(a => a.StateHash == stateHash, cancellationToken);
        return found is not null && await DeletedAsync(db.ExternalAuthorizations.Where(a => a.StateHash == stateHash), cancellationToken)
            && found.ExpiresAt > now ? found : null;
    }

    public async Task<ExternalSignInGrant?> TakeGrantAsync(string codeHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = await db.ExternalSignInGrants.AsNoTracking().FirstOrDefaultAsync(g => g.CodeHash == codeHash, cancellationToken);
        return found is not null && await DeletedAsync(db.ExternalSignInGrants.Where(g => g.CodeHash == codeHash), cancellationToken)
            && found.ExpiresAt > now ? found : null;
    }

    private async Task<bool> DeletedAsync<T>(IQueryable<T> row, CancellationToken cancellationToken)
    {
        using (await writeGate.EnterAsync(cancellationToken))
        {
            return await row.ExecuteDeleteAsync(cancellationToken) == 1;
        }
    }
}
