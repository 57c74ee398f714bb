using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Mediator;

namespace Auth.Application.Users.ResendConfirmation;

public sealed record ResendConfirmationCommand(Guid UserId, Guid SessionId, ClientInfo Client) : ICommand<Result>;
