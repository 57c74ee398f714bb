using Auth.Application.Common.Results;
using Auth.Application.Mfa.Common;
using Mediator;

namespace Auth.Application.Mfa.GetMfaStatus;

public sealed record GetMfaStatusQuery(Guid UserId) : IQuery<Result<MfaStatusView>>;
