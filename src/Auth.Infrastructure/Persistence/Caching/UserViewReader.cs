using Auth.Application.Abstractions;
using Auth.Application.Users;
using Auth.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Infrastructure.Persistence.Caching;

/// <summary>
/// The cache first; on a miss one compiled, untracked query (nothing here is ever saved). The context is resolved
/// only on a miss: renting and returning a pooled one cost a few percent of a cached request.
/// </summary>
internal sealed class UserViewReader(IServiceProvider scope, UserViewCache cache) : IUserViewReader
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
        if (await FindById(scope.GetRequiredService<AuthDbContext>(), userId, cancellationToken) is not { } user)
        {
            return null;
        }

        var view = UserView.From(user);
        cache.Add(view, generation);
        return view;
    }
}
