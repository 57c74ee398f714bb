using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Auth.Application.Mfa.Common;
using Auth.Application.Passkeys.Common;
using Mediator;

namespace Auth.Application.Mfa.GetMfaStatus;

public sealed class GetMfaStatusHandler(IUserRepository users, IRecoveryCodeRepository recoveryCodes, IPasskeyRepository passkeys) : IQueryHandler<GetMfaStatusQuery, Result<MfaStatusView>>
{
    public async ValueTask<Result<MfaStatusView>> Handle(GetMfaStatusQuery query, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(query.UserId, cancellationToken);
        if (user is null)
        {
            return AuthErrors.InvalidToken;
        }

        var left = user.HasMfa ? await recoveryCodes.CountUnusedAsync(user.Id, cancellationToken) : 0;
        var registered = await passkeys.ListForUserAsync(user.Id, cancellationToken);
        return new MfaStatusView(user.HasMfa, user.TotpEnabledAt, user.PendingTotpSecret is not null, left, [.. registered.Select(PasskeyView.Of)]);
    }
}
