using Auth.Application.Common.Results;
using Mediator;

namespace Auth.Application.Admin.RecordRefusedCall;

/// <summary>A signed-in account that is not an administrator called an administrator's route and was refused.</summary>
public sealed record RecordRefusedAdminCallCommand(Guid UserId) : ICommand<Result>;
