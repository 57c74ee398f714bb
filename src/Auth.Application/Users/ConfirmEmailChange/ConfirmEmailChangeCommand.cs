using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Mediator;

namespace Auth.Application.Users.ConfirmEmailChange;

public sealed record ConfirmEmailChangeCommand(string Token, ClientInfo Client) : ICommand<Result>;
