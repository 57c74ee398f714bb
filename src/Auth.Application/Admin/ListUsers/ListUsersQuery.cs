using Auth.Application.Admin.Common;
using Auth.Application.Users;
using Mediator;

namespace Auth.Application.Admin.ListUsers;

public sealed record ListUsersQuery(string? EmailPrefix, UserSort Sort, int Page, int PageSize) : IQuery<Page<AdminUserView>>;
