using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Users.Common;
using Auth.Domain.External;
using Auth.Domain.Users;

namespace Auth.Application.Common.Authentication;

/// <summary>
/// The external verifier: an identity a provider vouched for (a grant, already taken once) to a
/// <see cref="ProvenIdentity"/> (<c>ext</c>). A linked identity signs in to its account; an unknown one makes a new
/// account, unless an account already has its address: that one is never joined silently (see
/// docs/decisions/0014-external-providers.md). No lockout budget is spent or checked: nothing here can be guessed.
/// </summary>
public sealed class ExternalVerifier(
    IExternalIdentityRepository identities,
    IUserRepository users,
    AccountTokens accountTokens,
    IAccountPolicy policy,
    KnownDevices devices,
    TimeProvider time)
{
    /// <returns>The identity (its account new and unsaved when <see cref="ProvenIdentity.User"/> was just made), or why not.</returns>
    public async Task<Result<ProvenIdentity>> VerifyAsync(ExternalSignInGrant grant, string? deviceToken, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var user = await LinkedUserAsync(grant, now, cancellationToken);
        if (user is null)
        {
            var registered = await RegisterAsync(grant, now, cancellationToken);
            // A first sign-in with the same identity may have made the account since the lookup above.
            user = registered.IsSuccess ? registered.Value
                : registered.Error == AuthErrors.ExternalAccountExists ? await LinkedUserAsync(grant, now, cancellationToken) : null;
            if (user is null)
            {
                return registered.Error!;
            }
        }

        var known = await devices.FindKnownAsync(deviceToken, user.Id, now, cancellationToken);
        return new ProvenIdentity(user, grant.Amr.Split(' ', StringSplitOptions.RemoveEmptyEntries), known);
    }

    /// <summary>The account the identity is linked to, tracked, its link noting this sign-in; null when it is linked to none.</summary>
    private async Task<User?> LinkedUserAsync(ExternalSignInGrant grant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var identity = await identities.FindAsync(grant.Provider, grant.Subject, cancellationToken);
        var user = identity is null ? null : await users.FindByIdAsync(identity.UserId, cancellationToken);
        identity?.SignedIn(grant.Email, now);
        return user;
    }

    private async Task<Result<User>> RegisterAsync(ExternalSignInGrant grant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (grant.Email is not { } email || email.Length > Email.MaxLength || !Email.IsWellFormed(email))
        {
            return AuthErrors.ExternalEmailMissing;
        }

        // Verified or not, the address may be someone's account: only its signed-in owner may link the provider to it.
        if (await users.EmailExistsAsync(Email.Normalize(email), cancellationToken))
        {
            return AuthErrors.ExternalAccountExists;
        }

        var user = User.RegisterExternal(email, NameFor(grant.Name, email), grant.EmailVerified, now);
        users.Add(user);
        identities.Add(ExternalIdentity.Link(user.Id, grant.Provider, grant.Subject, email, now));
        if (!grant.EmailVerified)
        {
            var confirmation = accountTokens.Issue(user.Id, AccountTokenPurpose.EmailConfirmation, now, policy.EmailConfirmationLifetime);
            user.RequestEmailConfirmation(confirmation, policy.EmailConfirmationLifetime, now);
        }

        return user;
    }

    /// <summary>The provider's name when it passes the display-name rules, else the address's local part, else a plain word.</summary>
    private static string NameFor(string? name, string email)
    {
        string[] candidates = [name ?? "", email[..email.IndexOf('@', StringComparison.Ordinal)], "User"];
        return candidates.First(c => DisplayName.ProblemWith(c) is null);
    }
}
