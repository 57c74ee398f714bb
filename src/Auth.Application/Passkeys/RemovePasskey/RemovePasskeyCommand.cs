using Auth.Application.Common.Results;
using Mediator;

namespace Auth.Application.Passkeys.RemovePasskey;

public sealed record RemovePasskeyCommand(Guid UserId, Guid PasskeyId) : ICommand<Result>;
