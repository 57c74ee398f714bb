using Auth.Application.Admin.Common;
using Auth.Application.Common.Results;
using Mediator;

namespace Auth.Application.Admin.GetUser;

public sealed record GetUserQuery(Guid UserId) : IQuery<Result<AdminUserView>>;
