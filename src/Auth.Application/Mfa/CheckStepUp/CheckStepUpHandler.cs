using Auth.Application.Abstractions;
using Auth.Application.Common.Authentication;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Mediator;

namespace Auth.Application.Mfa.CheckStepUp;

/// <summary>Reads whether the account has a second factor from the user view (cached), so the check costs no query in steady state.</summary>
public sealed class CheckStepUpHandler(IUserViewReader users) : IQueryHandler<CheckStepUpQuery, Result>
{
    public async ValueTask<Result> Handle(CheckStepUpQuery query, CancellationToken cancellationToken)
    {
        if (await users.FindAsync(query.UserId, cancellationToken) is not { } user)
        {
            return AuthErrors.InvalidToken;
        }

        return StepUp.Check(user.MfaEnabled, query.SessionAal) is { } refused ? refused : Result.Success;
    }
}
