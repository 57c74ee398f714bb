using Auth.Application.Abstractions;
using Auth.Application.Users;
using Auth.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence.Repositories;

internal sealed class UserRepository(AuthDbContext db) : IUserRepository
{
    // Compiled: login runs ByEmail on every call, and most account and admin commands ById (see SessionRepository).
    private static readonly Func<AuthDbContext, Guid, CancellationToken, Task<User?>> ById =
        EF.CompileAsyncQuery((AuthDbContext context, Guid id, CancellationToken _) => context.Users.FirstOrDefault(u => u.Id == id));

    private static readonly Func<AuthDbContext, string, CancellationToken, Task<User?>> ByEmail =
        EF.CompileAsyncQuery((AuthDbContext context, string email, CancellationToken _) => context.Users.FirstOrDefault(u => u.NormalizedEmail == email));

    public Task<User?> FindByIdAsync(Guid id, CancellationToken cancellationToken) => ById(db, id, cancellationToken);

    public Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        ByEmail(db, normalizedEmail, cancellationToken);

    public Task<bool> EmailExistsAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken);

    public void Add(User user) => db.Users.Add(user);

    public void Remove(User user) => db.Users.Remove(user);

    // An UPDATE that changes nothing still takes the row's write lock (PostgreSQL, SQL Server) or the database's
    // (SQLite), held to the end of the transaction: the portable SELECT ... FOR UPDATE.
    public Task HoldAsync(Guid id, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, u => u.SecurityStamp), cancellationToken);

    public async Task<(IReadOnlyList<User> Items, int Total)> ListAsync(
        string? emailPrefix, UserSort sort, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking();
        if (emailPrefix is not null)
        {
            query = query.Where(u => u.NormalizedEmail.StartsWith(emailPrefix));
        }

        var total = await query.CountAsync(cancellationToken);
        var sorted = sort switch
        {
            UserSort.CreatedAsc => query.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id),
            UserSort.EmailAsc => query.OrderBy(u => u.NormalizedEmail),
            UserSort.EmailDesc => query.OrderByDescending(u => u.NormalizedEmail),
            _ => query.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id),
        };
        var items = await sorted.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task<IReadOnlyList<User>> ListWithRoleAsync(string role, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.DisabledAt == null && u.Roles.Contains(role)).ToListAsync(cancellationToken);

    public void RequireUnchanged(User user)
    {
        // The stamp is a concurrency token: marked modified (to its own value), the commit carries
        // UPDATE Users ... WHERE Id = @id AND SecurityStamp = @read, in the same transaction as the rest.
        var entry = db.Entry(user);
        if (entry.State is EntityState.Unchanged or EntityState.Modified)
        {
            entry.Property(u => u.SecurityStamp).IsModified = true;
        }
    }
}
