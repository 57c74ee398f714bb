using Auth.Application.Abstractions;
using Auth.Application.Admin.Common;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Mediator;

namespace Auth.Application.Admin.EnableUser;

public sealed class EnableUserHandler(IUserRepository users, IUnitOfWork unitOfWork, TimeProvider time)
    : ICommandHandler<EnableUserCommand, Result<AdminUserView>>
{
    public async ValueTask<Result<AdminUserView>> Handle(EnableUserCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.UserNotFound;
        }

        if (user.Enable(time.GetUtcNow()))
        {
            var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
            if (!saved.IsSuccess)
            {
                return saved.Error!;
            }

        }

        return AdminUserView.From(user);
    }
}
