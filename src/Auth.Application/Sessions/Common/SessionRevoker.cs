using Auth.Application.Abstractions;
using Auth.Domain.Sessions;

namespace Auth.Application.Sessions.Common;

/// <summary>
/// Ends sessions so that their access tokens stop working at once: the session rows are marked ended and a
/// revocation row is written in the same unit of work, and after the commit the local in-memory list learns
/// them (other instances pick the rows up on their next poll).
/// </summary>
public sealed class SessionRevoker(ISessionRepository sessions, IRevocationList revocationList, ITokenLifetimes lifetimes)
{
    public IReadOnlyList<SessionRevocation> End(IEnumerable<Session> toEnd, SessionEndReason reason, DateTimeOffset now)
    {
        var revocations = new List<SessionRevocation>();
        foreach (var session in toEnd)
        {
            if (session.End(now, reason))
            {
                var revocation = SessionRevocation.For(session.Id, now, lifetimes.AccessToken, lifetimes.ClockSkew);
                sessions.AddRevocation(revocation);
                revocations.Add(revocation);
            }
        }

        return revocations;
    }

    /// <summary>Ends every active session of the user in the unit of work; publish the result after the commit.</summary>
    public async Task<IReadOnlyList<SessionRevocation>> EndAllAsync(Guid userId, SessionEndReason reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        End(await sessions.ListActiveAsync(userId, now, cancellationToken), reason, now);

    /// <summary>Call after the commit, so a failed commit does not reject tokens of a session that lives on.</summary>
    public void Publish(IReadOnlyList<SessionRevocation> revocations)
    {
        foreach (var revocation in revocations)
        {
            revocationList.Revoke(revocation.SessionId, revocation.ExpiresAt);
        }
    }
}
