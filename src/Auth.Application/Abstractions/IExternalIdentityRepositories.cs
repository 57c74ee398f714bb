using Auth.Domain.External;

namespace Auth.Application.Abstractions;

public interface IExternalIdentityRepository
{
    /// <summary>The link of this provider account, whoever owns it, tracked.</summary>
    Task<ExternalIdentity?> FindAsync(string provider, string subject, CancellationToken cancellationToken);

    /// <summary>The user's links, oldest first, tracked.</summary>
    Task<IReadOnlyList<ExternalIdentity>> ListForUserAsync(Guid userId, CancellationToken cancellationToken);

    void Add(ExternalIdentity identity);

    void Remove(ExternalIdentity identity);
}

/// <summary>Redirects in progress and vouched-for identities waiting to be exchanged, in the database so any instance can finish them.</summary>
public interface IExternalSignInStore
{
    /// <summary>Adds it to the unit of work.</summary>
    void Add(ExternalAuthorization authorization);

    /// <summary>Adds it to the unit of work.</summary>
    void Add(ExternalSignInGrant grant);

    /// <summary>
    /// Takes the redirect for good: deletes it (at once, outside the unit of work) and returns it only when this
    /// caller's delete removed it and it had not expired. Of two callbacks racing with one state, one gets it.
    /// </summary>
    Task<ExternalAuthorization?> TakeAuthorizationAsync(string stateHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Takes the grant for good, as <see cref="TakeAuthorizationAsync"/> does: an exchange code works once.</summary>
    Task<ExternalSignInGrant?> TakeGrantAsync(string codeHash, DateTimeOffset now, CancellationToken cancellationToken);
}
