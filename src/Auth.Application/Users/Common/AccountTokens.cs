using Auth.Application.Abstractions;
using Auth.Domain.Users;

namespace Auth.Application.Users.Common;

/// <summary>Issues and redeems the single-use tokens sent by email. Only hashes are stored.</summary>
public sealed class AccountTokens(IAccountTokenRepository tokens, IRefreshTokenGenerator generator)
{
    /// <summary>
    /// The links mailed to an address of the account: an address change spends them all, so none mailed before it
    /// (a reset link in the old mailbox, another pending change) works after it.
    /// </summary>
    public static readonly IReadOnlyList<AccountTokenPurpose> AddressLinks =
    [
        AccountTokenPurpose.EmailConfirmation, AccountTokenPurpose.PasswordReset,
        AccountTokenPurpose.EmailChange, AccountTokenPurpose.EmailChangeCancel,
    ];

    /// <summary>The links of a pending email change; a new request or a cancel spends them.</summary>
    public static readonly IReadOnlyList<AccountTokenPurpose> EmailChangeLinks = [AccountTokenPurpose.EmailChange, AccountTokenPurpose.EmailChangeCancel];

    /// <summary>Adds a new token to the unit of work and returns its value, to be mailed after the commit.</summary>
    public string Issue(Guid userId, AccountTokenPurpose purpose, DateTimeOffset now, TimeSpan lifetime)
    {
        var token = generator.Create();
        tokens.Add(AccountToken.Issue(token.Hash, userId, purpose, now, lifetime));
        return token.Value;
    }

    /// <summary>Like <see cref="Issue"/>, for the link mailed to <paramref name="newEmail"/>: it can switch the account to that address only.</summary>
    public string IssueEmailChange(Guid userId, string newEmail, DateTimeOffset now, TimeSpan lifetime)
    {
        var token = generator.Create();
        tokens.Add(AccountToken.IssueEmailChange(token.Hash, userId, newEmail, now, lifetime));
        return token.Value;
    }

    /// <summary>
    /// Marks the token used and returns it, or null when it is unknown, expired, used or for another purpose.
    /// The commit settles two concurrent uses: the loser gets a concurrency failure.
    /// </summary>
    public async Task<AccountToken?> RedeemAsync(string value, AccountTokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var token = await tokens.FindAsync(generator.Hash(value), cancellationToken);
        return token is not null && token.IsUsable(purpose, now) && token.Use(now) ? token : null;
    }

    /// <summary>Spends every usable token of the purpose in the unit of work: a credential change kills older reset links.</summary>
    public async Task SpendAllAsync(Guid userId, AccountTokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var token in await tokens.ListUsableAsync(userId, purpose, now, cancellationToken))
        {
            token.Use(now);
        }
    }

    /// <summary>Spends every usable token of each purpose: an address change leaves no older link working.</summary>
    public async Task SpendAllAsync(Guid userId, IEnumerable<AccountTokenPurpose> purposes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var purpose in purposes)
        {
            await SpendAllAsync(userId, purpose, now, cancellationToken);
        }
    }
}
