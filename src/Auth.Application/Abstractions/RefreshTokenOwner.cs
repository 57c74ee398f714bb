using Auth.Domain.Sessions;
using Auth.Domain.Users;

namespace Auth.Application.Abstractions;

/// <summary>A refresh token with the session it belongs to and that session's user, read together.</summary>
public sealed record RefreshTokenOwner(RefreshToken Token, Session Session, User User);
