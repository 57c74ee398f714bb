using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Domain.Passkeys;
using Mediator;

namespace Auth.Application.Passkeys.BeginPasskeyRegistration;

/// <summary>
/// Creation options with a fresh challenge, stored so that whichever instance receives the attestation can check it;
/// the user's existing passkeys are excluded, so an authenticator that holds one says so instead of making another.
/// New options replace the user's open ones: the attestation answers the latest.
/// </summary>
public sealed class BeginPasskeyRegistrationHandler(
    IUserRepository users,
    IPasskeyRepository passkeys,
    IPasskeyChallengeStore challenges,
    IWebAuthn webAuthn,
    IUnitOfWork unitOfWork,
    TimeProvider time) : ICommandHandler<BeginPasskeyRegistrationCommand, Result<string>>
{
    public async ValueTask<Result<string>> Handle(BeginPasskeyRegistrationCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.InvalidToken;
        }

        await challenges.RemoveRegistrationsAsync(user.Id, cancellationToken);
        var options = webAuthn.CreationOptions(user, await passkeys.ListForUserAsync(user.Id, cancellationToken));
        challenges.Add(PasskeyChallenge.Issue(PasskeyCeremony.Registration, user.Id, options, time.GetUtcNow()));
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSuccess ? options : saved.Error!;
    }
}
