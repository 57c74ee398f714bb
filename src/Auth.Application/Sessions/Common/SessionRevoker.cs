using Auth.Application.Abstractions;
using Auth.Domain.Sessions;

namespace Auth.Application.Sessions.Common;

/// <summary>
/// Ends sessions so that their access tokens stop working at once: the session rows are marked ended and a
/// revocation row is written in the same unit of work, and after the commit the local in-memory list learns
/// them (other instances pick the rows up on their next poll).
/// </summary>
public sealed class SessionRevoker(ISessionRepository sessions, IRevocationList revocationList, ITokenLifetimes lifetimes, IUnitOfWork unitOfWork)
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

    /// <summary>
    /// Call after committing a change that drew a new security stamp: a login that committed its session while the
    /// change was being made (after this request listed the sessions) is ended now. None can commit later, since a
    /// session only starts against the stamp it was checked with.
    /// </summary>
    public async Task SweepAsync(Guid userId, SessionEndReason reason, DateTimeOffset now, Guid? keep, CancellationToken cancellationToken)
    {
        var late = (await sessions.ListActiveAsync(userId, now, cancellationToken)).Where(s => s.Id != keep);
        var revocations = End(late, reason, now);
        if (revocations.Count > 0 && (await unitOfWork.SaveChangesAsync(cancellationToken)).IsSuccess)
        {
            Publish(revocations);
        }
    }
}
