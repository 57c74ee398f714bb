using Auth.Application.Common.Results;

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
    Task<Result> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every pending change and loaded row, so a retry reads the database afresh.</summary>
    void Reset();
}
