namespace Auth.Domain.External;

/// <summary>What a redirect to an external provider was started for.</summary>
public enum ExternalAuthorizationPurpose
{
    /// <summary>Signing in (or signing up) with the provider's account.</summary>
    SignIn,

    /// <summary>Linking the provider's account to the signed-in account that started it.</summary>
    Link,
}

/// <summary>
/// A redirect to an external provider, started and not yet come back: the secrets the callback checks the answer
/// against (state, nonce, PKCE verifier), kept in the database so any instance can take the callback. The state
/// travels through the browser, so only its hash is stored. Single use: the callback deletes the row, and only the
/// caller whose delete removed it goes on. Expires after <see cref="Lifetime"/>. A sign-in also holds the frontend's
/// <see cref="ExchangeChallenge"/>, which the grant it leads to carries on to the exchange.
/// </summary>
public sealed class ExternalAuthorization
{
    /// <summary>Long enough to sign in at the provider (a password, a second factor there), short enough to die unused.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public const int MaxUrlLength = 2048;

    // For EF Core.
    private ExternalAuthorization() => StateHash = Provider = Nonce = CodeVerifier = ReturnUrl = RedirectUri = string.Empty;

    private ExternalAuthorization(
        string stateHash, string provider, ExternalAuthorizationPurpose purpose, Guid? userId, string? exchangeChallenge, string nonce,
        string codeVerifier, string returnUrl, string redirectUri, DateTimeOffset now)
    {
        StateHash = stateHash;
        Provider = provider;
        Purpose = purpose;
        UserId = userId;
        ExchangeChallenge = exchangeChallenge;
        Nonce = nonce;
        CodeVerifier = codeVerifier;
        ReturnUrl = returnUrl;
        RedirectUri = redirectUri;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public string StateHash { get; private set; }

    public string Provider { get; private set; }

    public ExternalAuthorizationPurpose Purpose { get; private set; }

    /// <summary>The signed-in account a link is for; null for a sign-in.</summary>
    public Guid? UserId { get; private set; }

    /// <summary>
    /// A sign-in's proof key from the frontend that started it (S256 of a verifier only that page holds); null for a
    /// link. The exchange needs the verifier, so a callback or return URL forwarded to someone else's browser cannot
    /// sign that browser in to the sender's account (login CSRF).
    /// </summary>
    public string? ExchangeChallenge { get; private set; }

    public string Nonce { get; private set; }

    public string CodeVerifier { get; private set; }

    /// <summary>The frontend page the browser goes back to, checked against the configured origins when started.</summary>
    public string ReturnUrl { get; private set; }

    /// <summary>The callback URL sent to the provider, sent again with the code (they must match).</summary>
    public string RedirectUri { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static ExternalAuthorization StartSignIn(
        string stateHash, string provider, string exchangeChallenge, string nonce, string codeVerifier, string returnUrl, string redirectUri,
        DateTimeOffset now) =>
        new(stateHash, provider, ExternalAuthorizationPurpose.SignIn, null, exchangeChallenge, nonce, codeVerifier, returnUrl, redirectUri, now);

    public static ExternalAuthorization StartLink(
        string stateHash, string provider, Guid userId, string nonce, string codeVerifier, string returnUrl, string redirectUri, DateTimeOffset now) =>
        new(stateHash, provider, ExternalAuthorizationPurpose.Link, userId, null, nonce, codeVerifier, returnUrl, redirectUri, now);
}
