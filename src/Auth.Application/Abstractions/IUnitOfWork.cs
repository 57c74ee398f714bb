using Auth.Application.Common.Results;
using Auth.Domain.Events;

namespace Auth.Application.Abstractions;

public interface IUnitOfWork
{
    /// <summary>
    /// Commits every change made through the repositories in this scope. A unique-constraint violation that
    /// the database settled (two signups racing for one email) comes back as a failed result, not an exception.
    /// </summary>
    /// <remarks>
    /// A row changed by someone else since it was read (a concurrency token no longer matching) comes back as
    /// <see cref="Common.Errors.AuthErrors.ConcurrentUpdate"/>.
    /// </remarks>
    /// <remarks>
    /// The domain events of the changed entities, and those given to <see cref="Raise"/>, are stored in the same
    /// transaction; their effects (revocation, audit, mail) follow from the commit, never from the handler.
    /// </remarks>
    Task<Result> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// An event no entity raises because nothing is stored for it (a failed login): it is written with the next
    /// commit of this unit of work.
    /// </summary>
    void Raise(IDomainEvent domainEvent);

    /// <summary>
    /// Has the next commit run <paramref name="step"/> inside its transaction, before it writes anything: what the
    /// step reads and changes commits with the rest, or nothing does. A failed commit keeps the step for a retry;
    /// <see cref="Reset"/> drops it.
    /// </summary>
    void InsideCommit(Func<CancellationToken, Task> step);

    /// <summary>Forgets every pending change and loaded row, so a retry reads the database afresh.</summary>
    void Reset();
}
