using Auth.Application.Abstractions;
using Auth.Application.Common.Events;
using Auth.Application.Common.Security;
using Auth.Application.Users;
using Auth.Domain.Sessions;
using Auth.Domain.Users;

namespace Auth.Application.Sessions.Common;

/// <summary>Starts a session for a user who just proved who they are (signup or login) and issues its tokens.</summary>
public sealed class SessionStarter(
    IUserRepository users,
    ISessionRepository sessions,
    IRefreshTokenGenerator refreshTokens,
    IAccessTokenIssuer accessTokens,
    ITokenLifetimes lifetimes,
    EventOrigin origin)
{
    /// <summary>
    /// Adds the session to the unit of work; the caller commits before handing the tokens out. The commit is
    /// conditional on the account's security stamp: a reset, disable, role removal or delete that committed since the
    /// account was read makes it fail with <c>ConcurrentUpdate</c>, and then nothing is written.
    /// </summary>
    /// <param name="amr">How the sign-in was proven; a password alone when not given.</param>
    public AuthResult Start(User user, ClientInfo client, DateTimeOffset now, IReadOnlyList<string>? amr = null)
    {
        users.RequireUnchanged(user);
        var refreshToken = refreshTokens.Create();
        var session = Session.Start(user.Id, now, lifetimes.RefreshToken, client.Address, client.UserAgent, amr);
        sessions.Add(session);
        // A signup has no caller session yet: its events belong to the one it starts.
        origin.SessionId ??= session.Id;
        sessions.AddRefreshToken(session.IssueRefreshToken(refreshToken.Hash, now));
        var accessToken = accessTokens.Issue(user, session, now);
        return new AuthResult(accessToken, refreshToken.Value, session.Id, UserView.From(user));
    }
}
