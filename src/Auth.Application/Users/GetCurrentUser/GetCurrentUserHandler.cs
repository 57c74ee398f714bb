using Auth.Application.Abstractions;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Mediator;

namespace Auth.Application.Users.GetCurrentUser;

public sealed class GetCurrentUserHandler(IUserViewReader users) : IQueryHandler<GetCurrentUserQuery, Result<UserView>>
{
    public async ValueTask<Result<UserView>> Handle(GetCurrentUserQuery query, CancellationToken cancellationToken) =>
        await users.FindAsync(query.UserId, cancellationToken) is { } user
            ? user
            : AuthErrors.InvalidToken; // a valid token of a user deleted since: the token is what is wrong
}
