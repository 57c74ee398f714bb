using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Mediator;

namespace Auth.Application.Users.ResetPassword;

public sealed record ResetPasswordCommand(string Token, string NewPassword, ClientInfo Client) : ICommand<Result>;
