using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Security;
using Auth.Domain.Mfa;
using Auth.Domain.Sessions;
using Auth.Domain.Users;

namespace Auth.Application.Common.Authentication;

/// <summary>Issues and finds the mfaTokens that stand between a proven password and a started session.</summary>
public sealed class MfaChallenges(
    IMfaChallengeRepository challenges,
    IRefreshTokenGenerator tokens,
    IMfaPolicy policy,
    IPasskeyRepository passkeys,
    IWebAuthn webAuthn,
    IUnitOfWork unitOfWork)
{
    /// <summary>
    /// Adds a sign-in challenge to the unit of work. An account with passkeys also gets WebAuthn request options
    /// listing them, stored with the challenge: a passkey can then stand in for the code.
    /// </summary>
    /// <returns>The token, to be handed out after the commit, and the passkey options (JSON) when there are any.</returns>
    public async Task<(string Token, string? PasskeyOptions)> IssueForSignInAsync(
        User user, IReadOnlyList<string> firstFactor, PresentedDevice? device, ClientInfo client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var registered = await passkeys.ListForUserAsync(user.Id, cancellationToken);
        var options = registered.Count > 0 ? webAuthn.RequestOptions(registered) : null;
        var token = tokens.Create();
        challenges.Add(MfaChallenge.Issue(
            token.Hash, user.Id, MfaChallengePurpose.SignIn, device?.Device.Id, client.UserAgent, now, policy.ChallengeLifetime, options, firstFactor));
        return (token.Value, options);
    }

    /// <summary>Adds a challenge to the unit of work and returns its token, to be handed out after the commit.</summary>
    public string Issue(User user, MfaChallengePurpose purpose, PresentedDevice? device, ClientInfo client, DateTimeOffset now)
    {
        var token = tokens.Create();
        challenges.Add(MfaChallenge.Issue(token.Hash, user.Id, purpose, device?.Device.Id, client.UserAgent, now, policy.ChallengeLifetime));
        return token.Value;
    }

    /// <summary>The challenge of <paramref name="token"/>, tracked, if it can still be answered by this client for this purpose.</summary>
    public async Task<MfaChallenge?> FindUsableAsync(
        string token, MfaChallengePurpose purpose, ClientInfo client, DateTimeOffset now, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(token) || await challenges.FindAsync(tokens.Hash(token), cancellationToken) is not { } challenge
            || !challenge.IsUsable(purpose, client.UserAgent, now)
            ? null
            : challenge;

    /// <summary>
    /// Records a wrong code against the challenge: it counts toward spending the token, and the attempt, counted
    /// before the check, stays counted against the lockout budget (and locks it if it was the last allowed).
    /// </summary>
    /// <returns><paramref name="answer"/> (<c>invalid_mfa_code</c> when not given), or the error that kept the failure from being recorded.</returns>
    public async Task<Error> RefuseAsync(MfaChallenge challenge, LockoutAttempt attempt, DateTimeOffset now, CancellationToken cancellationToken, Error? answer = null)
    {
        challenge.Fail(policy.MaxCodeFailures, now);
        unitOfWork.Raise(new MfaCodeFailed(challenge.UserId, now));
        if (attempt.LockStarted)
        {
            unitOfWork.Raise(new LockedOut(challenge.UserId, now));
        }

        var recorded = await unitOfWork.SaveChangesAsync(cancellationToken);
        return recorded.IsSuccess ? answer ?? AuthErrors.InvalidMfaCode : recorded.Error!;
    }
}
