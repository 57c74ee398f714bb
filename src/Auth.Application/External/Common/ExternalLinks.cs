using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Mfa.Common;
using Auth.Domain.External;

namespace Auth.Application.External.Common;

/// <summary>Links a provider's account to an account here: a credential change like adding a passkey.</summary>
public sealed class ExternalLinks(IUserRepository users, IExternalIdentityRepository identities, MfaChanges changes, IUnitOfWork unitOfWork)
{
    /// <summary>
    /// Links the vouched-for identity to <paramref name="userId"/> and commits: the stamp moves, reset links are
    /// spent and the owner is mailed. Linking it again to the same account changes nothing; another account's link
    /// is refused (<c>external_identity_in_use</c>), also when that account won a race for it.
    /// </summary>
    public async Task<Result> LinkAsync(Guid userId, string provider, ExternalClaims vouched, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.ExternalSignInFailed;
        }

        var existing = await identities.FindAsync(provider, vouched.Subject, cancellationToken);
        if (existing is not null)
        {
            return existing.UserId == userId ? Result.Success : AuthErrors.ExternalIdentityInUse;
        }

        var identity = ExternalIdentity.Link(userId, provider, vouched.Subject, vouched.Email, now);
        identities.Add(identity);
        user.LinkedExternalIdentity(identity, now);
        await changes.SpendResetLinksAsync(user, now, cancellationToken);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.Error == AuthErrors.ConcurrentUpdate ? AuthErrors.ExternalIdentityInUse : saved;
    }
}
