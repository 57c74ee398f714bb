using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Application.Sessions.Common;
using Auth.Application.Users;
using Auth.Domain.Sessions;
using Mediator;

namespace Auth.Application.Sessions.RefreshSession;

/// <summary>
/// Rotation with reuse detection; the rules are the session's (<see cref="Session.Rotate"/>). The database settles
/// races: the row is marked used only if it was still unused, and the loser reads again as the racing twin.
/// </summary>
public sealed class RefreshSessionHandler(
    ISessionRepository sessions,
    IRefreshTokenGenerator refreshTokens,
    ITokenSealer sealer,
    IAccessTokenIssuer accessTokens,
    ITokenLifetimes lifetimes,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<RefreshSessionCommand, Result<AuthResult>>
{
    /// <summary>Longer than any token this service issues: refused without hashing or a lookup.</summary>
    private const int MaxTokenLength = 256;

    public async ValueTask<Result<AuthResult>> Handle(RefreshSessionCommand command, CancellationToken cancellationToken)
    {
        if (command.RefreshToken.Length > MaxTokenLength)
        {
            return AuthErrors.InvalidRefreshToken;
        }

        var result = await TryRefreshAsync(command, cancellationToken);
        if (result.Error == AuthErrors.ConcurrentUpdate)
        {
            // Another request rotated this token between our read and our write: read again, as its twin.
            unitOfWork.Reset();
            result = await TryRefreshAsync(command, cancellationToken);
        }

        return result.Error == AuthErrors.ConcurrentUpdate ? AuthErrors.InvalidRefreshToken : result;
    }

    private async Task<Result<AuthResult>> TryRefreshAsync(RefreshSessionCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Disabling ends every session, so a disabled user's token is refused here too; the check guards the gap.
        if (await sessions.FindRefreshTokenAsync(refreshTokens.Hash(command.RefreshToken), cancellationToken) is not (var token, var session, var user)
            || user.IsDisabled)
        {
            return AuthErrors.InvalidRefreshToken;
        }

        string? nextValue = null;
        var rotation = session.Rotate(token, now, new RotationRules(lifetimes.RefreshTokenIdle, lifetimes.RefreshReuseGrace), () =>
        {
            var next = refreshTokens.Create();
            nextValue = next.Value;
            return new SuccessorToken(next.Hash, sealer.Seal(next.Value, command.RefreshToken));
        });
        switch (rotation.Outcome)
        {
            case RotationOutcome.Refused:
                return AuthErrors.InvalidRefreshToken;
            case RotationOutcome.Replayed when sealer.Unseal(rotation.SealedSuccessor!, command.RefreshToken) is { } successor:
                return new AuthResult(accessTokens.Issue(user, session, now), successor, session.Id, UserView.From(user));
            case RotationOutcome.Replayed or RotationOutcome.Reused:
                return await EndReusedSessionAsync(session, command.Client, now, cancellationToken);
        }

        sessions.AddRefreshToken(rotation.Issued!);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        return new AuthResult(accessTokens.Issue(user, session, now), nextValue!, session.Id, UserView.From(user));
    }

    private async Task<Result<AuthResult>> EndReusedSessionAsync(Session session, ClientInfo client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        SessionRevoker.End([session], SessionEndReason.RefreshTokenReused, now);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        return AuthErrors.RefreshTokenReused;
    }
}
