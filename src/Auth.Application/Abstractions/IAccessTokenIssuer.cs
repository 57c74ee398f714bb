using Auth.Domain.Sessions;
using Auth.Domain.Users;

namespace Auth.Application.Abstractions;

public interface IAccessTokenIssuer
{
    AccessToken Issue(User user, Session session, DateTimeOffset now);
}

/// <param name="Token">The signed JWT.</param>
/// <param name="ExpiresIn">Seconds until it expires, as OAuth's <c>expires_in</c>.</param>
public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt, int ExpiresIn);
