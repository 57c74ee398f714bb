using Auth.Domain.Passkeys;

namespace Auth.Application.Abstractions;

public interface IPasskeyRepository
{
    /// <summary>The user's passkeys, oldest first, tracked.</summary>
    Task<IReadOnlyList<Passkey>> ListForUserAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The user's passkey <paramref name="id"/>, tracked; null when the user has none by that id.</summary>
    Task<Passkey?> FindAsync(Guid userId, Guid id, CancellationToken cancellationToken);

    /// <summary>The passkey with this credential id, whoever owns it, tracked.</summary>
    Task<Passkey?> FindByCredentialIdAsync(byte[] credentialId, CancellationToken cancellationToken);

    void Add(Passkey passkey);

    void Remove(Passkey passkey);
}

/// <summary>Ceremonies begun and not yet finished, in the database so any instance can finish one.</summary>
public interface IPasskeyChallengeStore
{
    /// <summary>Adds the challenge to the unit of work.</summary>
    void Add(PasskeyChallenge challenge);

    /// <summary>
    /// Takes the challenge for good: deletes it (at once, outside the unit of work) and returns it only when this
    /// caller's delete removed it and it had not expired. Of two callers racing for one challenge, one gets it.
    /// </summary>
    Task<PasskeyChallenge?> TakeAsync(Guid id, PasskeyCeremony ceremony, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes the user's open registration challenges (at once): new options replace them.</summary>
    Task RemoveRegistrationsAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The newest unexpired registration challenge of the user, taken as by <see cref="TakeAsync"/>.</summary>
    Task<PasskeyChallenge?> TakeRegistrationAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken);
}
