using Auth.Application.Users;
using Auth.Domain.Users;

namespace Auth.Application.Abstractions;

public interface IUserRepository
{
    Task<User?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken);

    Task<bool> EmailExistsAsync(string normalizedEmail, CancellationToken cancellationToken);

    void Add(User user);

    /// <summary>A page of users whose normalized email starts with <paramref name="emailPrefix"/>, and how many match.</summary>
    Task<(IReadOnlyList<User> Items, int Total)> ListAsync(string? emailPrefix, UserSort sort, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>The enabled users holding <paramref name="role"/>, tracked (the last-admin rule pins them).</summary>
    Task<IReadOnlyList<User>> ListWithRoleAsync(string role, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the next commit conditional on the user's security stamp being the one read: if a credential, role,
    /// disable or delete change committed meanwhile, the commit fails with <c>ConcurrentUpdate</c> and writes nothing.
    /// </summary>
    void RequireUnchanged(User user);

    /// <summary>
    /// Only inside a commit (<see cref="IUnitOfWork.InsideCommit"/>): holds the user's row against every other writer
    /// until the commit ends. A session start conditional on the row (<see cref="RequireUnchanged"/>) either committed
    /// before, and what is read next sees it, or waits for this commit and then finds the stamp changed.
    /// </summary>
    Task HoldAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Deletes the user; their sessions go with them.</summary>
    void Remove(User user);
}
