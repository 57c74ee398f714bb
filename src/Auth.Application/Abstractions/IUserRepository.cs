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

    Task<int> CountWithRoleAsync(string role, CancellationToken cancellationToken);

    /// <summary>Deletes the user; their sessions go with them.</summary>
    void Remove(User user);
}
