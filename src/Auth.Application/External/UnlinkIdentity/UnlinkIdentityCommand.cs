using Auth.Application.Common.Results;
using Mediator;

namespace Auth.Application.External.UnlinkIdentity;

public sealed record UnlinkIdentityCommand(Guid UserId, Guid IdentityId) : ICommand<Result>;
