using Auth.Application.Abstractions;
using Auth.Application.Admin.Common;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Passwords;
using Auth.Application.Common.Results;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Admin.CreateAdmin;

public sealed class CreateAdminHandler(
    IUserRepository users,
    IPasswordHasher passwordHasher,
    PasswordPolicy passwordPolicy,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<CreateAdminCommand, Result<AdminUserView>>
{
    public async ValueTask<Result<AdminUserView>> Handle(CreateAdminCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var user = await users.FindByEmailAsync(Email.Normalize(command.Email), cancellationToken);
        var created = user is null;
        if (user is null)
        {
            if (await passwordPolicy.CheckAsync(command.Password, command.Email, command.Name, cancellationToken) is { } weak)
            {
                return weak;
            }

            // Whoever runs this on the server owns the address's account; there is no mailbox to prove.
            user = User.RegisterConfirmed(command.Email, command.Name, await passwordHasher.HashAsync(command.Password, cancellationToken), now);
            users.Add(user);
        }
        else if (!user.EmailConfirmed)
        {
            // Someone else may have signed up with the address and knows the password: promoting it would hand them the service.
            return AuthErrors.AdminEmailNotConfirmed;
        }

        if (!user.GrantRole(RoleNames.Admin, now, RoleGrantGrounds.BootstrapAdminByCommandLine) && !created)
        {
            return AdminUserView.From(user);
        }

        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        return AdminUserView.From(user);
    }
}
