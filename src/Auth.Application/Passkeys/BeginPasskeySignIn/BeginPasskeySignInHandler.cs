using Auth.Application.Abstractions;
using Auth.Application.Common.Results;
using Auth.Application.Passkeys.Common;
using Auth.Domain.Passkeys;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Passkeys.BeginPasskeySignIn;

/// <summary>
/// Request options for a passwordless sign-in, with a fresh challenge stored under the returned id. The options never
/// list credentials (every passkey here is discoverable, so the browser finds them itself, and conditional UI works):
/// the answer is the same for any email, known or not. An email only narrows which account's passkey may answer.
/// </summary>
public sealed class BeginPasskeySignInHandler(
    IUserRepository users,
    IPasskeyChallengeStore challenges,
    IWebAuthn webAuthn,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<BeginPasskeySignInCommand, Result<PasskeySignInOptions>>
{
    public async ValueTask<Result<PasskeySignInOptions>> Handle(BeginPasskeySignInCommand command, CancellationToken cancellationToken)
    {
        Guid? userId = null;
        if (!string.IsNullOrWhiteSpace(command.Email))
        {
            // An unknown address narrows to no account at all: no passkey will answer, and the options look the same.
            userId = (await users.FindByEmailAsync(Email.Normalize(command.Email), cancellationToken))?.Id ?? Guid.Empty;
        }

        var options = webAuthn.RequestOptions([]);
        var challenge = PasskeyChallenge.Issue(PasskeyCeremony.SignIn, userId, options, time.GetUtcNow());
        challenges.Add(challenge);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? new PasskeySignInOptions(challenge.Id, options) : saved.Error!;
    }
}
