using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Mediator;

namespace Auth.Application.Users.RequestEmailChange;

public sealed record RequestEmailChangeCommand(Guid UserId, Guid SessionId, string NewEmail, string CurrentPassword, ClientInfo Client)
    : ICommand<Result>;
