using Auth.Application.Admin.Common;
using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Mediator;

namespace Auth.Application.Admin.EnableUser;

public sealed record EnableUserCommand(Guid ActorId, Guid UserId, ClientInfo Client) : ICommand<Result<AdminUserView>>;
