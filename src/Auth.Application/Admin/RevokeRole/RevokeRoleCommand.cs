using Auth.Application.Admin.Common;
using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Mediator;

namespace Auth.Application.Admin.RevokeRole;

/// <summary>Ends the user's sessions at once, so no token keeps the power that was taken away.</summary>
public sealed record RevokeRoleCommand(Guid ActorId, Guid UserId, string Role, ClientInfo Client) : ICommand<Result<AdminUserView>>;
