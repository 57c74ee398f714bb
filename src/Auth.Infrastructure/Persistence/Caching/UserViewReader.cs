using Auth.Application.Abstractions;
using Auth.Application.Users;
using Auth.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence.Caching;

/// <summary>The cache first; on a miss one compiled, untracked query (nothing here is ever saved).</summary>
internal sealed class UserViewReader(AuthDbContext db, UserViewCache cache) : IUserViewReader
{
    private static readonly Func<AuthDbContext, Guid, CancellationToken, Task<User?>> FindById =
        EF.CompileAsyncQuery((AuthDbContext context, Guid id, CancellationToken _) =>
            context.Users.AsNoTracking().FirstOrDefault(u => u.Id == id));

    public async ValueTask<UserView?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (cache.TryGet(userId, out var cached))
        {
            return cached;
        }

        var generation = cache.Generation;
        if (await FindById(db, userId, cancellationToken) is not { } user)
        {
            return null;
        }

        var view = UserView.From(user);
        cache.Add(view, generation);
        return view;
    }
}
