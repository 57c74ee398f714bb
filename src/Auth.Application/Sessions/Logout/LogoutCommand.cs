using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Mediator;

namespace Auth.Application.Sessions.Logout;

/// <param name="Scope">One of <see cref="LogoutScope"/>; null means <see cref="LogoutScope.Local"/>.</param>
public sealed record LogoutCommand(Guid UserId, Guid SessionId, string? Scope, ClientInfo Client) : ICommand<Result>;
