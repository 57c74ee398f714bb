namespace Auth.Domain.External;

/// <summary>
/// An account at an external identity provider linked to an account here: signing in there signs in here. The pair
/// (provider, subject) is unique; the subject is the provider's own stable id for the person, never the email.
/// </summary>
public sealed class ExternalIdentity
{
    public const int MaxProviderLength = 32;

    public const int MaxSubjectLength = 255;

    // For EF Core.
    private ExternalIdentity() => Provider = Subject = string.Empty;

    private ExternalIdentity(Guid userId, string provider, string subject, string? email, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        UserId = userId;
        Provider = provider;
        Subject = subject;
        Email = email;
        LinkedAt = now;
        LastUsedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>The provider's id in the settings (<c>ExternalProviders:{id}</c>).</summary>
    public string Provider { get; private set; }

    public string Subject { get; private set; }

    /// <summary>The address the provider gave at the last sign-in, for the owner to recognise the link by; never trusted.</summary>
    public string? Email { get; private set; }

    public DateTimeOffset LinkedAt { get; private set; }

    public DateTimeOffset LastUsedAt { get; private set; }

    public static ExternalIdentity Link(Guid userId, string provider, string subject, string? email, DateTimeOffset now) =>
        new(userId, provider, subject, email, now);

    public void SignedIn(string? email, DateTimeOffset now)
    {
        Email = email;
        LastUsedAt = now;
    }
}
