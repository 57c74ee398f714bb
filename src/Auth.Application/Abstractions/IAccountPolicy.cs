namespace Auth.Application.Abstractions;

/// <summary>Account rules that deployments choose (the <c>Auth</c> settings).</summary>
public interface IAccountPolicy
{
    /// <summary>When true, an unconfirmed account cannot sign in.</summary>
    bool RequireConfirmedEmail { get; }

    TimeSpan EmailConfirmationLifetime { get; }

    TimeSpan PasswordResetLifetime { get; }

    /// <summary>Reset mails sent per account per hour at most; further requests still answer 202 but send nothing.</summary>
    int PasswordResetsPerHour { get; }

    /// <summary>How long a requested email change waits for its new address to be confirmed (or cancelled).</summary>
    TimeSpan EmailChangeLifetime { get; }

    /// <summary>Email changes an account may request per hour; further requests answer 429.</summary>
    int EmailChangesPerHour { get; }

    /// <summary>Confirmation mails per account per hour at most, the signup's included; a resend past it is refused.</summary>
    int ConfirmationMailsPerHour { get; }

    /// <summary>Sessions one account may hold; a sign-in past it ends the least recently used.</summary>
    int MaxSessionsPerUser { get; }

    /// <summary>The email that becomes an administrator once its account's address is confirmed.</summary>
    string? BootstrapAdminEmail { get; }
}
