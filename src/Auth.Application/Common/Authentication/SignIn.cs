using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Application.Sessions.Common;
using Auth.Domain.Mfa;
using Auth.Domain.Sessions;

namespace Auth.Application.Common.Authentication;

/// <summary>
/// The one place a proven identity becomes a session, whichever verifier proved it: the account checks come here,
/// after the proof, so the answers about the account tell a guesser nothing. The client becomes (or stays) a known
/// device, and a new device of an account that had others is mailed to the owner. An identity proven by a password
/// alone gets no session when the account has a second factor, or needs one: it gets an mfaToken instead.
/// </summary>
public sealed class SignIn(
    SessionStarter sessionStarter,
    KnownDevices devices,
    MfaChallenges mfaChallenges,
    SessionLimit sessionLimit,
    IAccountPolicy policy,
    IMfaPolicy mfaPolicy,
    IUnitOfWork unitOfWork,
    TimeProvider time)
{
    /// <summary>
    /// <see cref="SignInAsync"/>, also handing back the identity the last proof yielded (null when it failed), for a
    /// caller that acts on the account after the answer: a sign-in may prove twice, and the account as last proven counts.
    /// </summary>
    public async Task<(Result<AuthResult> Session, ProvenIdentity? Proven)> SignInWithProofAsync(
        Func<CancellationToken, Task<Result<ProvenIdentity>>> prove, ClientInfo client, CancellationToken cancellationToken)
    {
        ProvenIdentity? proven = null;
        var session = await SignInAsync(
            async ct =>
            {
                var identity = await prove(ct);
                proven = identity.IsSuccess ? identity.Value : null;
                return identity;
            },
            client,
            cancellationToken);
        return (session, proven);
    }

    /// <summary>
    /// Proves the identity with <paramref name="prove"/> and starts its session. The session's commit is conditional
    /// on the account's security stamp (<see cref="SessionStarter"/>); if a password change or reset, disable, role
    /// change or delete committed between the proof and the commit, nothing was written and the proof runs once more
    /// against the account as it is now, so the answer is the new state's: 401 for a new password or a deleted account,
    /// 403 when disabled, a session carrying the new roles. Losing twice in a row answers 401.
    /// </summary>
    public async Task<Result<AuthResult>> SignInAsync(
        Func<CancellationToken, Task<Result<ProvenIdentity>>> prove, ClientInfo client, CancellationToken cancellationToken)
    {
        var result = await ProveAndStartAsync(prove, client, cancellationToken);
        if (result.Error == AuthErrors.ConcurrentUpdate)
        {
            unitOfWork.Reset();
            result = await ProveAndStartAsync(prove, client, cancellationToken);
        }

        return result.Error == AuthErrors.ConcurrentUpdate ? AuthErrors.InvalidCredentials : result;
    }

    private async Task<Result<AuthResult>> ProveAndStartAsync(
        Func<CancellationToken, Task<Result<ProvenIdentity>>> prove, ClientInfo client, CancellationToken cancellationToken)
    {
        var identity = await prove(cancellationToken);
        return identity.IsSuccess ? await StartSessionAsync(identity.Value, client, cancellationToken) : identity.Error!;
    }

    /// <summary>Starts the session of an identity already proven; a lost race answers <c>concurrent_update</c>.</summary>
    public async Task<Result<AuthResult>> StartSessionAsync(ProvenIdentity identity, ClientInfo client, CancellationToken cancellationToken)
    {
        var user = identity.User;
        if (user.IsDisabled)
        {
            return AuthErrors.AccountDisabled;
        }

        if (policy.RequireConfirmedEmail && !user.EmailConfirmed)
        {
            return AuthErrors.EmailNotConfirmed;
        }

        var now = time.GetUtcNow();
        if (!identity.Amr.Contains(AuthenticationMethods.MultiFactor) && await SecondFactorDueAsync(identity, client, now, cancellationToken) is { } due)
        {
            var issued = await unitOfWork.SaveChangesAsync(cancellationToken);
            return issued.IsSuccess ? due : issued.Error!;
        }

        var device = await devices.SignInAsync(user, identity.Device, client, now, cancellationToken);
        await sessionLimit.MakeRoomAsync(user.Id, now, cancellationToken);
        var session = sessionStarter.Start(user, client, now, identity.Amr);
        unitOfWork.Raise(new LoginSucceeded(user.Id, session.SessionId, now));
        if (device.AlertOwner)
        {
            unitOfWork.Raise(new NewDeviceSignedIn(user.Id, user.Email, client.Address, client.UserAgent, now));
        }

        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        return session with { DeviceToken = device.Token };
    }

    /// <summary>
    /// The refusal, carrying a new mfaToken in the unit of work, of a one-factor sign-in that needs a second factor:
    /// the account has one (<c>mfa_required</c>), or its role requires one it lacks (<c>mfa_enrollment_required</c>,
    /// whose token allows enrolment only). Null when one factor is enough. Reads only the account already loaded, so
    /// sign-ins of accounts without a second factor cost no query (one with it, a query for its passkeys).
    /// </summary>
    private async Task<Error?> SecondFactorDueAsync(ProvenIdentity identity, ClientInfo client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var user = identity.User;
        if (user.HasMfa)
        {
            var (token, passkeyOptions) = await mfaChallenges.IssueForSignInAsync(user, identity.Amr, identity.Device, client, now, cancellationToken);
            using var options = passkeyOptions is null ? null : System.Text.Json.JsonDocument.Parse(passkeyOptions);
            return AuthErrors.MfaRequired(token, options?.RootElement.Clone());
        }

        return mfaPolicy.RequiredForRoles.Any(user.HasRole)
            ? AuthErrors.MfaEnrollmentRequired(mfaChallenges.Issue(user, MfaChallengePurpose.Enrolment, identity.Device, client, now))
            : null;
    }
}
