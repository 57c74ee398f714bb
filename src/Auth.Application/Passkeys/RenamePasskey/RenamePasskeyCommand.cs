using Auth.Application.Common.Results;
using Auth.Application.Passkeys.Common;
using Mediator;

namespace Auth.Application.Passkeys.RenamePasskey;

public sealed record RenamePasskeyCommand(Guid UserId, Guid PasskeyId, string Name) : ICommand<Result<PasskeyView>>;
