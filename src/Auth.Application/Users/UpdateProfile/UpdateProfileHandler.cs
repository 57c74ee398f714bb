using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Mediator;

namespace Auth.Application.Users.UpdateProfile;

public sealed class UpdateProfileHandler(
    IUserRepository users,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<UpdateProfileCommand, Result<UserView>>
{
    public async ValueTask<Result<UserView>> Handle(UpdateProfileCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.InvalidToken;
        }

        user.Rename(command.Name, time.GetUtcNow());
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        return UserView.From(user);
    }
}
