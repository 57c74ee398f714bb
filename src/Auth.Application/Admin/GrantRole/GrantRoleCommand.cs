using Auth.Application.Admin.Common;
using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Mediator;

namespace Auth.Application.Admin.GrantRole;

/// <summary>The role appears in the user's tokens from their next refresh or login.</summary>
public sealed record GrantRoleCommand(Guid ActorId, Guid UserId, string Role, ClientInfo Client) : ICommand<Result<AdminUserView>>;
