namespace Auth.Domain.External;

/// <summary>
/// An external identity the provider vouched for at the callback, waiting for the frontend to exchange the
/// single-use code the browser was sent back with (tokens never travel in a URL). Only the code's hash is stored.
/// Nothing about the account is decided yet: the exchange finds, creates or refuses it, and only for the frontend that
/// started the sign-in (<see cref="ExchangeChallenge"/>).
/// </summary>
public sealed class ExternalSignInGrant
{
    /// <summary>The frontend exchanges it as soon as the page loads; a minute covers a slow one.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    // For EF Core.
    private ExternalSignInGrant() => CodeHash = ExchangeChallenge = Provider = Subject = Amr = string.Empty;

    private ExternalSignInGrant(
        string codeHash, string exchangeChallenge, string provider, string subject, string? email, bool emailVerified, string? name, string amr,
        DateTimeOffset now)
    {
        CodeHash = codeHash;
        ExchangeChallenge = exchangeChallenge;
        Provider = provider;
        Subject = subject;
        Email = email;
        EmailVerified = emailVerified;
        Name = name;
        Amr = amr;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public string CodeHash { get; private set; }

    /// <summary>The sign-in's proof key (<see cref="ExternalAuthorization.ExchangeChallenge"/>): the exchange presents its verifier.</summary>
    public string ExchangeChallenge { get; private set; }

    public string Provider { get; private set; }

    public string Subject { get; private set; }

    public string? Email { get; private set; }

    /// <summary>The provider says it proved the person holds <see cref="Email"/>.</summary>
    public bool EmailVerified { get; private set; }

    public string? Name { get; private set; }

    /// <summary>The session's <c>amr</c> values, space-separated: <c>ext</c> and what the provider reported.</summary>
    public string Amr { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static ExternalSignInGrant Issue(string codeHash, string exchangeChallenge, string provider, string subject, string? email,
        bool emailVerified, string? name, IEnumerable<string> amr, DateTimeOffset now) =>
        new(codeHash, exchangeChallenge, provider, subject, email, emailVerified, name, string.Join(' ', amr), now);
}
