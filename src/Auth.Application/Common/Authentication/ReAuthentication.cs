using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Domain.Users;

namespace Auth.Application.Common.Authentication;

/// <summary>
/// Proves the password again inside a signed-in session before a sensitive action (password change, account
/// delete). Guessing here is as good as a login to someone holding a stolen access token, so it is locked out like
/// one, on the session's own budget: the owner's sign-in is not locked by what happens in that session.
/// </summary>
public sealed class ReAuthentication(IUserRepository users, IPasswordHasher passwordHasher, Lockout lockout, TimeProvider time)
{
    /// <returns>The user, tracked for the caller's unit of work; or <c>invalid_token</c>, <c>too_many_attempts</c>, <c>wrong_password</c>, <c>password_not_set</c>.</returns>
    public async Task<Result<User>> VerifyAsync(Guid userId, Guid sessionId, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.InvalidToken;
        }

        if (!user.HasPassword)
        {
            return AuthErrors.PasswordNotSet;
        }

        using var attempt = await lockout.BeginAsync(lockout.ForSession(sessionId), time.GetUtcNow(), cancellationToken);
        if (attempt.Refused is { } locked)
        {
            return locked;
        }

        if (await passwordHasher.VerifyAsync(user.PasswordHash, password, cancellationToken) == PasswordVerification.Failed)
        {
            return AuthErrors.WrongPassword;
        }

        await attempt.ForgiveAsync(cancellationToken);
        return user;
    }
}
