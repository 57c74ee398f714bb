using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Passkeys.Common;
using Mediator;

namespace Auth.Application.Passkeys.RenamePasskey;

public sealed class RenamePasskeyHandler(IUserRepository users, IPasskeyRepository passkeys, IUnitOfWork unitOfWork, TimeProvider time)
    : ICommandHandler<RenamePasskeyCommand, Result<PasskeyView>>
{
    public async ValueTask<Result<PasskeyView>> Handle(RenamePasskeyCommand command, CancellationToken cancellationToken)
    {
        var passkey = await passkeys.FindAsync(command.UserId, command.PasskeyId, cancellationToken);
        var user = passkey is null ? null : await users.FindByIdAsync(command.UserId, cancellationToken);
        if (passkey is null || user is null)
        {
            return AuthErrors.PasskeyNotFound;
        }

        passkey.Rename(command.Name);
        user.RenamedPasskey(passkey, time.GetUtcNow());
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? PasskeyView.Of(passkey) : saved.Error!;
    }
}
