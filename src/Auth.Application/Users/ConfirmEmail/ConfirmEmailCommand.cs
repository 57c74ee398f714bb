using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Mediator;

namespace Auth.Application.Users.ConfirmEmail;

public sealed record ConfirmEmailCommand(string Token, ClientInfo Client) : ICommand<Result>;
