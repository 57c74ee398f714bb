using Auth.Application.Users;

namespace Auth.Application.Abstractions;

/// <summary>
/// Reads what a user may see of their own account, for <c>GET /auth/user</c>: the most frequent read after token
/// validation, so implementations may answer from a short-lived cache that writes through this instance invalidate.
/// </summary>
public interface IUserViewReader
{
    ValueTask<UserView?> FindAsync(Guid userId, CancellationToken cancellationToken);
}
