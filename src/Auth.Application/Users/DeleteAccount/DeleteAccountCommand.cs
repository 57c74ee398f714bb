using Auth.Application.Common.Results;
using Auth.Application.Common.Security;
using Mediator;

namespace Auth.Application.Users.DeleteAccount;

public sealed record DeleteAccountCommand(Guid UserId, Guid SessionId, string Password, ClientInfo Client) : ICommand<Result>;
