using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Passwords;
using Auth.Application.Common.Results;
using Auth.Application.Sessions.Common;
using Auth.Application.Users.Common;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Users.RegisterUser;

public sealed class RegisterUserHandler(
    IUserRepository users,
    IPasswordHasher passwordHasher,
    PasswordPolicy passwordPolicy,
    SessionStarter sessionStarter,
    AccountTokens accountTokens,
    IAccountPolicy policy,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<RegisterUserCommand, Result<AuthResult>>
{
    public async ValueTask<Result<AuthResult>> Handle(RegisterUserCommand command, CancellationToken cancellationToken)
    {
        // A cheap early answer; the unique index below is what settles a race.
        if (await users.EmailExistsAsync(Email.Normalize(command.Email), cancellationToken))
        {
            return AuthErrors.EmailTaken;
        }

        if (await passwordPolicy.CheckAsync(command.Password, command.Email, command.Name, cancellationToken) is { } weak)
        {
            return weak;
        }

        var passwordHash = await passwordHasher.HashAsync(command.Password, cancellationToken);
        var now = time.GetUtcNow();
        var user = User.Register(command.Email, command.Name, passwordHash, now);
        // Even the bootstrap admin address signs up as an ordinary account: the role waits for the confirmed mailbox.
        users.Add(user);
        var confirmation = accountTokens.Issue(user.Id, AccountTokenPurpose.EmailConfirmation, now, policy.EmailConfirmationLifetime);
        user.RequestEmailConfirmation(confirmation, policy.EmailConfirmationLifetime, now);
        var session = sessionStarter.Start(user, command.Client, now);

        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        return session;
    }
}
