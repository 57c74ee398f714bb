using System.Data.Common;
using System.Runtime.CompilerServices;
using Auth.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Auth.Infrastructure.Persistence.Caching;

/// <summary>
/// Drops the cached view of every user a save changes or deletes, whichever use case saved it, so a handler
/// added later cannot forget to. Invalidated before the save, and again once it is committed: a request that read
/// the old row in between would otherwise cache it (see <see cref="UserViewCache.Add"/>). A save inside a transaction
/// its caller commits later (a commit with steps, see <c>UnitOfWork.InsideCommit</c>) is committed only then.
/// </summary>
internal sealed class UserCacheInvalidator(UserViewCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // After the save the entries are Unchanged or Detached, so the ids are remembered per context until then.
    private readonly ConditionalWeakTable<DbContext, Guid[]> saving = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Before(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Before(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        After(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        After(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => After(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        After(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => After(eventData.Context, transactionEnded: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        After(eventData.Context, transactionEnded: true);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => After(eventData.Context, transactionEnded: true);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        After(eventData.Context, transactionEnded: true);
        return Task.CompletedTask;
    }

    private void Before(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var changed = context.ChangeTracker.Entries<User>()
            .Where(e => e.State is EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.Id)
            .ToArray();
        if (changed.Length == 0)
        {
            return;
        }

        saving.AddOrUpdate(context, changed);
        foreach (var id in changed)
        {
            cache.Invalidate(id);
        }
    }

    private void After(DbContext? context, bool transactionEnded = false)
    {
        if (context is null || !saving.TryGetValue(context, out var changed))
        {
            return;
        }

        if (transactionEnded || context.Database.CurrentTransaction is null)
        {
            saving.Remove(context);
        }

        foreach (var id in changed)
        {
            cache.Invalidate(id);
        }
    }
}
