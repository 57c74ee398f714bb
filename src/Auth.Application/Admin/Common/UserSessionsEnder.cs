using Auth.Application.Abstractions;
using Auth.Application.Sessions.Common;
using Auth.Domain.Sessions;
using Auth.Domain.Users;

namespace Auth.Application.Admin.Common;

/// <summary>Ends every session of a user in the current unit of work; publish the result after the commit.</summary>
public sealed class UserSessionsEnder(ISessionRepository sessions, SessionRevoker revoker)
{
    public async Task<IReadOnlyList<SessionRevocation>> EndAllAsync(User user, SessionEndReason reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        revoker.End(await sessions.ListActiveAsync(user.Id, now, cancellationToken), reason, now);

    public void Publish(IReadOnlyList<SessionRevocation> revocations) => revoker.Publish(revocations);
}
