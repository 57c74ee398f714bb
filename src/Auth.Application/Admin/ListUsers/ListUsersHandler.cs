using Auth.Application.Abstractions;
using Auth.Application.Admin.Common;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Admin.ListUsers;

public sealed class ListUsersHandler(IUserRepository users) : IQueryHandler<ListUsersQuery, Page<AdminUserView>>
{
    public async ValueTask<Page<AdminUserView>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        // Prefixes compare like emails do: trimmed and case-folded.
        var prefix = string.IsNullOrWhiteSpace(query.EmailPrefix) ? null : Email.Normalize(query.EmailPrefix);
        var (items, total) = await users.ListAsync(prefix, query.Sort, query.Page, query.PageSize, cancellationToken);
        return new Page<AdminUserView>([.. items.Select(AdminUserView.From)], total, query.Page, query.PageSize);
    }
}
