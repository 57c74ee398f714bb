using Auth.Application.Admin.Common;
using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Mediator;

namespace Auth.Application.Admin.DisableUser;

/// <summary>Stops sign-in and ends every session at once.</summary>
public sealed record DisableUserCommand(Guid ActorId, Guid UserId, ClientInfo Client) : ICommand<Result<AdminUserView>>;
