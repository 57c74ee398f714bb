using Auth.Application.Abstractions;
using Auth.Application.Common.Authentication;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Users.Common;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Users.RequestEmailChange;

/// <summary>
/// After proving the password, mails a confirmation link to the new address and a notice with a cancel link to the
/// current one, replacing any pending change. An address that belongs to another account gets a warning instead of a
/// link, and the answer is the same: it never says whether an account has the address.
/// </summary>
public sealed class RequestEmailChangeHandler(
    IUserRepository users,
    IAccountTokenRepository tokenRepository,
    AccountTokens tokens,
    ReAuthentication reAuthentication,
    IAccountPolicy policy,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<RequestEmailChangeCommand, Result>
{
    private static readonly TimeSpan CapWindow = TimeSpan.FromHours(1);

    public async ValueTask<Result> Handle(RequestEmailChangeCommand command, CancellationToken cancellationToken)
    {
        // The re-authentication of sensitive actions, as for a password change; MFA's second factor (aal2) joins it there.
        var verified = await reAuthentication.VerifyAsync(command.UserId, command.SessionId, command.CurrentPassword, cancellationToken);
        if (!verified.IsSuccess)
        {
            return verified;
        }

        // Each request draws a new stamp, so a request losing its commit lost to another one: decided again, it sees
        // that one (the cap counts it, its links are replaced). Only a committed request can make another lose.
        return await CommitRetry.RunAsync(unitOfWork, policy.EmailChangesPerHour + 2, () => RequestAsync(command, cancellationToken));
    }

    private async Task<Result> RequestAsync(RequestEmailChangeCommand command, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(command.UserId, cancellationToken) is not { } user)
        {
            return AuthErrors.InvalidToken;
        }

        var newEmail = Email.Normalize(command.NewEmail);
        if (newEmail == user.NormalizedEmail)
        {
            return AuthErrors.EmailUnchanged;
        }

        var now = time.GetUtcNow();
        // Counted on the cancel links, which every request issues, taken address or not.
        var recent = await tokenRepository.ListIssuedSinceAsync(user.Id, AccountTokenPurpose.EmailChangeCancel, now - CapWindow, cancellationToken);
        if (recent.Count >= policy.EmailChangesPerHour)
        {
            return AuthErrors.TooManyEmailChanges(recent.Min() + CapWindow - now);
        }

        // A new request replaces the pending one: its confirmation and cancel links stop working.
        await tokens.SpendAllAsync(user.Id, AccountTokens.EmailChangeLinks, now, cancellationToken);
        var lifetime = policy.EmailChangeLifetime;
        var cancel = tokens.Issue(user.Id, AccountTokenPurpose.EmailChangeCancel, now, lifetime);
        if (await users.EmailExistsAsync(newEmail, cancellationToken))
        {
            user.RequestEmailChangeToTakenAddress(command.NewEmail, cancel, lifetime, now);
        }
        else
        {
            var confirmation = tokens.IssueEmailChange(user.Id, command.NewEmail, now, lifetime);
            user.RequestEmailChange(command.NewEmail, confirmation, cancel, lifetime, now);
        }

        return await unitOfWork.SaveChangesAsync(cancellationToken);
    }
}
