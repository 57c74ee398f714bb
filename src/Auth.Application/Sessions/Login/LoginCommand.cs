using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Application.Sessions.Common;
using Mediator;

namespace Auth.Application.Sessions.Login;

public sealed record LoginCommand(string Email, string Password, ClientInfo Client) : ICommand<Result<AuthResult>>;
