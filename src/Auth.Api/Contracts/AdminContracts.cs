using Auth.Api.OpenApi;
using Auth.Application.Admin.Common;
using Auth.Application.Admin.ListAuditEvents;

namespace Auth.Api.Contracts;

/// <summary>An account as an administrator sees it.</summary>
public sealed record AdminUserResponse(
    Guid Id, string Email, string Name, bool EmailConfirmed, IReadOnlyList<string> Roles, bool Disabled, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static AdminUserResponse From(AdminUserView user) => new(
        user.Id, user.Email, user.Name, user.EmailConfirmed, user.Roles, user.Disabled, user.CreatedAt.ForJson(), user.UpdatedAt.ForJson());
}

/// <summary>A page of results: <c>total</c> counts every match, <c>items</c> holds this page's.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public static class PageResponse
{
    public static PageResponse<T> From<TSource, T>(Page<TSource> page, Func<TSource, T> map) =>
        new([.. page.Items.Select(map)], page.Total, page.PageNumber, page.PageSize);
}

public sealed record GrantRoleRequest
{
    /// <example>admin</example>
    [RequiredInRequest]
    public string? Role { get; init; }
}

/// <summary>A stored security event.</summary>
public sealed record AuditEventResponse(
    Guid Id, DateTime At, string Type, Guid? UserId, Guid? ActorId, Guid? SessionId, string? ClientAddress, string? UserAgent)
{
    public static AuditEventResponse From(AuditEventView e) =>
        new(e.Id, e.At.ForJson(), e.Type, e.UserId, e.ActorId, e.SessionId, e.ClientAddress, e.UserAgent);
}
