using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Domain.Users;

namespace Auth.Application.Common.Authentication;

/// <summary>
/// Proves the second factor again inside a signed-in session before changing it (turning it off, new recovery
/// codes). Locked out like <see cref="ReAuthentication"/>, on the session's own budget.
/// </summary>
public sealed class CodeReAuthentication(IUserRepository users, SecondFactor secondFactor, Lockout lockout, TimeProvider time)
{
    /// <returns>The user, tracked, with the code spent in the unit of work; or <c>invalid_token</c>, <c>mfa_not_enabled</c>, <c>too_many_attempts</c>, <c>wrong_mfa_code</c>.</returns>
    public async Task<Result<User>> VerifyAsync(Guid userId, Guid sessionId, string code, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.InvalidToken;
        }

        if (!user.HasMfa)
        {
            return AuthErrors.MfaNotEnabled;
        }

        var now = time.GetUtcNow();
        using var attempt = await lockout.BeginAsync(lockout.ForSession(sessionId), now, cancellationToken);
        if (attempt.Refused is { } locked)
        {
            return locked;
        }

        if (!await secondFactor.ProveAsync(user, code, now, cancellationToken))
        {
            return AuthErrors.WrongMfaCode;
        }

        await attempt.ForgiveAsync(cancellationToken);
        return user;
    }
}
