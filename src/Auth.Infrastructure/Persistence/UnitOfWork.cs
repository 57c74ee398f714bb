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
    private readonly List<Func<CancellationToken, Task>> insideCommit = [];

    public void Raise(IDomainEvent domainEvent) => raised.Add(domainEvent);

    public void InsideCommit(Func<CancellationToken, Task> step) => insideCommit.Add(step);

    public async Task<Result> SaveChangesAsync(CancellationToken cancellationToken)
    {
        Pending pending;
        try
        {
            using (await writeGate.EnterAsync(cancellationToken))
            {
                pending = insideCommit.Count == 0 ? await CommitAsync(cancellationToken) : await CommitWithStepsAsync(cancellationToken);
            }
        }
        catch (Exception e) when (Refusal(e) is { } refused)
        {
            // The events stay raised: a retry of this unit of work stages them again.
            return refused;
        }

        insideCommit.Clear();
        pending.Sources.ForEach(s => s.ClearDomainEvents());
        raised.Clear();
        outbox.Committed(pending.Staged);
        return Result.Success;
    }

    public void Reset()
    {
        db.ChangeTracker.Clear();
        raised.Clear();
        insideCommit.Clear();
    }

    private async Task<Pending> CommitAsync(CancellationToken cancellationToken)
    {
        var pending = Stage();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return pending;
        }
        catch
        {
            outbox.Unstage(pending.Staged);
            throw;
        }
    }

    /// <summary>
    /// One transaction: the steps (which may read and change entities, see <see cref="InsideCommit"/>), then every
    /// change. A retrying provider runs it all again on a transient failure, so nothing is accepted before the commit.
    /// </summary>
    private async Task<Pending> CommitWithStepsAsync(CancellationToken cancellationToken)
    {
        Pending? pending = null;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var step in insideCommit)
            {
                await step(cancellationToken);
            }

            pending = Stage();
            try
            {
                await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch
            {
                outbox.Unstage(pending.Staged);
                throw;
            }
        });
        db.ChangeTracker.AcceptAllChanges();
        return pending!;
    }

    private Pending Stage()
    {
        var sources = db.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList();
        var events = sources.SelectMany(s => s.DomainEvents).Concat(raised).ToList();
        return new Pending(sources, outbox.Stage(events));
    }

    private Error? Refusal(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => AuthErrors.ConcurrentUpdate,
        // What this unit of work wrote hangs off a row another request deleted: the same race, lost.
        DbUpdateException e when provider.Classify(e.InnerException, db.Model).Kind == ConstraintKind.ForeignKey => AuthErrors.ConcurrentUpdate,
        DbUpdateException e when provider.Classify(e.InnerException, db.Model).IsUniqueOn(UserConfiguration.EmailIndexName) => AuthErrors.EmailTaken,
        // Another request linked this provider account first: the same race, lost; a retried sign-in finds the link.
        DbUpdateException e when provider.Classify(e.InnerException, db.Model).IsUniqueOn(ExternalIdentityConfiguration.SubjectIndexName) => AuthErrors.ConcurrentUpdate,
        _ => null,
    };

    private sealed record Pending(List<AggregateRoot> Sources, EventOutbox.Staged Staged);
}
