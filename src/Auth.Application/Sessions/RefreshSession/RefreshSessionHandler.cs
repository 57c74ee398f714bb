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
/// Rotation with reuse detection: each refresh token works once. A token presented again within the grace
/// window yields the successor already issued (two tabs racing); later, it is treated as stolen and the whole
/// session ends. The database settles races: the row is marked used only if it was still unused.
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
    public async ValueTask<Result<AuthResult>> Handle(RefreshSessionCommand command, CancellationToken cancellationToken)
    {
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
            || user.IsDisabled || !session.IsActive(now, lifetimes.RefreshTokenIdle))
        {
            return AuthErrors.InvalidRefreshToken;
        }

        if (token.UsedAt is not null)
        {
            return token.WasUsedWithin(lifetimes.RefreshReuseGrace, now)
                && token.SealedSuccessor is { } sealedSuccessor
                && sealer.Unseal(sealedSuccessor, command.RefreshToken) is { } successor
                ? new AuthResult(accessTokens.Issue(user, session, now), successor, session.Id, UserView.From(user))
                : await EndReusedSessionAsync(session, command.Client, now, cancellationToken);
        }

        var next = refreshTokens.Create();
        token.MarkUsed(now, sealer.Seal(next.Value, command.RefreshToken));
        sessions.AddRefreshToken(RefreshToken.Issue(session.Id, next.Hash, now));
        session.Touch(now);

        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        return new AuthResult(accessTokens.Issue(user, session, now), next.Value, session.Id, UserView.From(user));
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
