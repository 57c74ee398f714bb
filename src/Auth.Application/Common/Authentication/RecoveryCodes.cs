using System.Security.Cryptography;
using Auth.Application.Abstractions;
using Auth.Domain.Mfa;
using Auth.Domain.Users;

namespace Auth.Application.Common.Authentication;

/// <summary>
/// The account's recovery codes: 10 of 12 characters from a 32-letter alphabet (60 random bits each), shown once,
/// stored as keyed hashes, each usable once.
/// </summary>
public sealed class RecoveryCodes(IRecoveryCodeRepository codes, IMfaSecretProtector protector)
{
    // Crockford's base32: no i, l, o or u, so a code read aloud or written down survives.
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    private const int CodeLength = 12;

    /// <summary>Replaces every code of the user with a fresh set, in the unit of work.</summary>
    /// <returns>The codes, to be shown to the user this once.</returns>
    public async Task<IReadOnlyList<string>> ReplaceAsync(User user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await codes.RemoveAllAsync(user.Id, cancellationToken);
        var issued = new List<string>(RecoveryCode.SetSize);
        for (var i = 0; i < RecoveryCode.SetSize; i++)
        {
            var code = RandomNumberGenerator.GetString(Alphabet, CodeLength);
            codes.Add(RecoveryCode.Issue(user.Id, Convert.ToHexStringLower(protector.HashRecoveryCode(code)), now));
            issued.Add($"{code[..4]}-{code[4..8]}-{code[8..]}");
        }

        return issued;
    }

    /// <summary>
    /// Spends the unused code matching <paramref name="presented"/> in the unit of work and tells the owner how many
    /// are left. Every stored hash is compared, each in constant time, so the time taken says nothing about a match.
    /// </summary>
    public async Task<bool> UseAsync(User user, string presented, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hash = protector.HashRecoveryCode(Normalize(presented));
        var unused = await codes.ListUnusedAsync(user.Id, cancellationToken);
        RecoveryCode? match = null;
        foreach (var code in unused)
        {
            if (CryptographicOperations.FixedTimeEquals(Convert.FromHexString(code.Hash), hash))
            {
                match ??= code;
            }
        }

        if (match is null || !match.Use(now))
        {
            return false;
        }

        user.RecoveryCodeUsed(unused.Count - 1, now);
        return true;
    }

    /// <summary>As typed: any case, with or without the dashes and spaces.</summary>
    public static string Normalize(string presented) =>
        new([.. presented.Where(c => c is not ('-' or ' ')).Select(char.ToLowerInvariant)]);
}
