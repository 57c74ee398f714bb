using Auth.Application.Abstractions;
using Auth.Application.Admin.Common;
using Auth.Application.Common.Errors;
using Auth.Application.Common.Results;
using Mediator;

namespace Auth.Application.Admin.GetUser;

public sealed class GetUserHandler(IUserRepository users) : IQueryHandler<GetUserQuery, Result<AdminUserView>>
{
    public async ValueTask<Result<AdminUserView>> Handle(GetUserQuery query, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(query.UserId, cancellationToken) is { } user
            ? AdminUserView.From(user)
            : AuthErrors.UserNotFound;
}
