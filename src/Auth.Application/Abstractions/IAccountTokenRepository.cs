using Auth.Domain.Users;

namespace Auth.Application.Abstractions;

public interface IAccountTokenRepository
{
    Task<AccountToken?> FindAsync(string hash, CancellationToken cancellationToken);

    /// <summary>Tokens of a purpose not yet used nor expired, for ending them when a newer one wins.</summary>
    Task<IReadOnlyList<AccountToken>> ListUsableAsync(Guid userId, AccountTokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>When each token of the purpose issued after <paramref name="since"/> was issued: a per-hour cap's window, which frees a place the moment its oldest token is an hour old.</summary>
    Task<IReadOnlyList<DateTimeOffset>> ListIssuedSinceAsync(Guid userId, AccountTokenPurpose purpose, DateTimeOffset since, CancellationToken cancellationToken);

    Task<int> CountIssuedSinceAsync(Guid userId, AccountTokenPurpose purpose, DateTimeOffset since, CancellationToken cancellationToken);

    void Add(AccountToken token);
}
