using Auth.Application.Abstractions;
using Auth.Application.Common.Passwords;
using Auth.Application.Sessions.Common;
using Auth.Domain.Users;

namespace Auth.Application.Common.Authentication;

/// <summary>
/// After a successful password sign-in, the one moment the plaintext is in hand: a password the policy refuses since
/// it was set (a longer list, a breach) still signs in, but the answer says so and the owner is mailed once per
/// password. Costs at most the breach check's one HTTP call and its timeout, and only for logins that succeeded.
/// </summary>
public sealed class PasswordRecheck(PasswordPolicy policy, IUnitOfWork unitOfWork, TimeProvider time)
{
    public async Task<AuthResult> AfterSignInAsync(User user, string password, AuthResult session, CancellationToken cancellationToken) =>
        await JudgeAsync(user, password, cancellationToken) ? session with { PasswordChangeRequired = true } : session;

    /// <summary>
    /// For an account whose sign-in goes on with a second factor: the password is only in hand now, so it is judged
    /// now and the owner mailed; the session that <c>POST /auth/mfa/verify</c> starts carries the flag from the
    /// account (<see cref="StillFlagged"/>).
    /// </summary>
    public Task BeforeSecondFactorAsync(User user, string password, CancellationToken cancellationToken) =>
        JudgeAsync(user, password, cancellationToken);

    /// <summary>Whether the account's password was found weak at a sign-in and has not been replaced since.</summary>
    public static AuthResult StillFlagged(User user, AuthResult session) =>
        user.WeakPasswordNoticeSentAt is null ? session : session with { PasswordChangeRequired = true };

    private async Task<bool> JudgeAsync(User user, string password, CancellationToken cancellationToken)
    {
        if (await policy.RecheckAsync(password, user.Email, user.Name, cancellationToken) is null)
        {
            return false;
        }

        // What came before is committed already; if the notice (and its mail, an outbox event) cannot be saved, the
        // next login tries again.
        if (user.NoteWeakPasswordNotice(time.GetUtcNow()))
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return true;
    }
}
