using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Domain.Events;
using Auth.Infrastructure.Outbox;
using Auth.Infrastructure.Persistence.Configurations;
using Auth.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence;

internal sealed class UnitOfWork(AuthDbContext db, WriteGate writeGate, EventOutbox outbox, DatabaseProvider provider) : IUnitOfWork
{
    private readonly List<IDomainEvent> raised = [];

    public void Raise(IDomainEvent domainEvent) => raised.Add(domainEvent);

    public async Task<Result> SaveChangesAsync(CancellationToken cancellationToken)
    {
        var sources = db.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList();
        var events = sources.SelectMany(s => s.DomainEvents).Concat(raised).ToList();
        var staged = outbox.Stage(events);
        var result = await CommitAsync(cancellationToken);
        if (!result.IsSuccess)
        {
            // The events stay raised: a retry of this unit of work stages them again.
            outbox.Unstage(staged);
            return result;
        }

        sources.ForEach(s => s.ClearDomainEvents());
        raised.Clear();
        outbox.Committed(staged);
        return result;
    }

    public void Reset()
    {
        db.ChangeTracker.Clear();
        raised.Clear();
    }

    private async Task<Result> CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            using (await writeGate.EnterAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return Result.Success;
        }
        catch (DbUpdateConcurrencyException)
        {
            return AuthErrors.ConcurrentUpdate;
        }
        catch (DbUpdateException e) when (provider.Classify(e.InnerException, db.Model).Kind == ConstraintKind.ForeignKey)
        {
            // What this unit of work wrote hangs off a row another request deleted: the same race, lost.
            return AuthErrors.ConcurrentUpdate;
        }
        catch (DbUpdateException e) when (provider.Classify(e.InnerException, db.Model).IsUniqueOn(UserConfiguration.EmailIndexName))
        {
            return AuthErrors.EmailTaken;
        }
    }
}
