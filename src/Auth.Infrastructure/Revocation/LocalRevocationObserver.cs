using Auth.Application.Abstractions;
using Auth.Domain.Sessions;
using Auth.Infrastructure.Outbox;

namespace Auth.Infrastructure.Revocation;

/// <summary>
/// The instance that ended a session refuses its tokens from the moment the commit returns, before the response
/// leaves; other instances learn it from the revocation row on their next poll.
/// </summary>
internal sealed class LocalRevocationObserver(IRevocationList revocationList, ITokenLifetimes lifetimes) : ICommittedEventObserver
{
    public void OnCommitted(CommittedEvent committed)
    {
        if (committed.Event is SessionEnded ended)
        {
            var revocation = SessionRevocation.For(ended.SessionId, ended.At, lifetimes.AccessToken, lifetimes.ClockSkew);
            revocationList.Revoke(revocation.SessionId, revocation.ExpiresAt);
        }
    }
}
