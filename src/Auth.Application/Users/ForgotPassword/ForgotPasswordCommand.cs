using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Mediator;

namespace Auth.Application.Users.ForgotPassword;

public sealed record ForgotPasswordCommand(string Email, ClientInfo Client) : ICommand<Result>;
