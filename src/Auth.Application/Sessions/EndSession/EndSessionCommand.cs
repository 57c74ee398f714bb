using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Mediator;

namespace Auth.Application.Sessions.EndSession;

/// <param name="TargetSessionId">The session to end: any active session of the caller, the current one included.</param>
public sealed record EndSessionCommand(Guid UserId, Guid SessionId, Guid TargetSessionId, ClientInfo Client) : ICommand<Result>;
