using Auth.Application.Common.Results;
using Mediator;

namespace Auth.Application.Admin.ResetUserMfa;

/// <summary>An administrator turns a user's second factor off (a lost phone and lost recovery codes).</summary>
public sealed record ResetUserMfaCommand(Guid ActorId, Guid UserId) : ICommand<Result>;
