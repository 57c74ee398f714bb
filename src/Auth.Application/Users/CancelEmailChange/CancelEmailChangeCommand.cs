using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Mediator;

namespace Auth.Application.Users.CancelEmailChange;

public sealed record CancelEmailChangeCommand(string Token, ClientInfo Client) : ICommand<Result>;
