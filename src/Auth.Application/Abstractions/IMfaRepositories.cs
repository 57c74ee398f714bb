using Auth.Domain.Mfa;

namespace Auth.Application.Abstractions;

public interface IRecoveryCodeRepository
{
    /// <summary>The user's unused codes, tracked.</summary>
    Task<IReadOnlyList<RecoveryCode>> ListUnusedAsync(Guid userId, CancellationToken cancellationToken);

    Task<int> CountUnusedAsync(Guid userId, CancellationToken cancellationToken);

    void Add(RecoveryCode code);

    /// <summary>Removes every code of the user, used or not, in the unit of work.</summary>
    Task RemoveAllAsync(Guid userId, CancellationToken cancellationToken);
}

public interface IMfaChallengeRepository
{
    void Add(MfaChallenge challenge);

    /// <summary>The challenge whose token hashes to <paramref name="tokenHash"/>, tracked; null when none.</summary>
    Task<MfaChallenge?> FindAsync(string tokenHash, CancellationToken cancellationToken);
}
