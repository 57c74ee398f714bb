using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Mediator;

namespace Auth.Application.Admin.EndUserSessions;

public sealed record EndUserSessionsCommand(Guid ActorId, Guid UserId, ClientInfo Client) : ICommand<Result>;
