using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Application.Sessions.Common;
using Mediator;

namespace Auth.Application.Sessions.Login;

/// <param name="DeviceToken">The device token the client holds from an earlier sign-in, if any.</param>
public sealed record LoginCommand(string Email, string Password, ClientInfo Client, string? DeviceToken = null) : ICommand<Result<AuthResult>>;
