using Auth.Application.Abstractions;
using Auth.Domain.Mfa;

namespace Auth.UnitTests.Support;

/// <summary>Recovery codes and mfaTokens as their tables hold them: what is added is found afterwards.</summary>
internal sealed class InMemoryMfaStore : IRecoveryCodeRepository, IMfaChallengeRepository
{
    public List<RecoveryCode> Codes { get; } = [];

    public List<MfaChallenge> Challenges { get; } = [];

    public Task<IReadOnlyList<RecoveryCode>> ListUnusedAsync(Guid userId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RecoveryCode>>([.. Codes.Where(c => c.UserId == userId && !c.IsUsed)]);

    public Task<int> CountUnusedAsync(Guid userId, CancellationToken cancellationToken) =>
        Task.FromResult(Codes.Count(c => c.UserId == userId && !c.IsUsed));

    public void Add(RecoveryCode code) => Codes.Add(code);

    public Task RemoveAllAsync(Guid userId, CancellationToken cancellationToken)
    {
        Codes.RemoveAll(c => c.UserId == userId);
        return Task.CompletedTask;
    }

    public void Add(MfaChallenge challenge) => Challenges.Add(challenge);

    public Task<MfaChallenge?> FindAsync(string tokenHash, CancellationToken cancellationToken) =>
        Task.FromResult(Challenges.FirstOrDefault(c => c.TokenHash == tokenHash));
}
