using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Auth.Application.Sessions.Common;
using Mediator;

namespace Auth.Application.Sessions.RefreshSession;

public sealed record RefreshSessionCommand(string RefreshToken, ClientInfo Client) : ICommand<Result<AuthResult>>;
