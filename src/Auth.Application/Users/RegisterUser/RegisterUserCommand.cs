using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Application.Sessions.Common;
using Mediator;

namespace Auth.Application.Users.RegisterUser;

public sealed record RegisterUserCommand(string Email, string Password, string Name, ClientInfo Client)
    : ICommand<Result<AuthResult>>;
