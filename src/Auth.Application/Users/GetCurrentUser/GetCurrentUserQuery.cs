using Auth.Application.Common.Results;
using Mediator;

namespace Auth.Application.Users.GetCurrentUser;

public sealed record GetCurrentUserQuery(Guid UserId) : IQuery<Result<UserView>>;
