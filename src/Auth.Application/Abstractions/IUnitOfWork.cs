using Auth.Application.Common.Results;

namespace Auth.Application.Abstractions;

public interface IUnitOfWork
{
    /// <summary>
    /// Commits every change made through the repositories in this scope. A unique-constraint violation that
    /// the database settled (two signups racing for one email) comes back as a failed result, not an exception.
    /// </summary>
    Task<Result> SaveChangesAsync(CancellationToken cancellationToken);
}
