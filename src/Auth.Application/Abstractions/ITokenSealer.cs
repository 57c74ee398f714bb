namespace Auth.Application.Abstractions;

/// <summary>
/// Encrypts a secret under a key derived from another secret, so that only a holder of the second can read the
/// first. Refresh rotation seals each successor under its predecessor: the database alone reveals neither.
/// </summary>
public interface ITokenSealer
{
    string Seal(string secret, string key);

    /// <returns>The secret, or null when <paramref name="key"/> is not the one it was sealed under.</returns>
    string? Unseal(string sealedSecret, string key);
}
