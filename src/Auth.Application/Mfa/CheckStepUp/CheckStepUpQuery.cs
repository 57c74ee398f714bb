using Auth.Application.Common.Results;
using Mediator;

namespace Auth.Application.Mfa.CheckStepUp;

/// <summary>May the caller's session do a sensitive action? <paramref name="SessionAal"/> is its access token's <c>aal</c>.</summary>
public sealed record CheckStepUpQuery(Guid UserId, string SessionAal) : IQuery<Result>;
