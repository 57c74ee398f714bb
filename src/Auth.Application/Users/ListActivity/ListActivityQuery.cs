using Auth.Application.Admin.Common;
using Mediator;

namespace Auth.Application.Users.ListActivity;

/// <summary>The caller's own security events, newest first.</summary>
public sealed record ListActivityQuery(Guid UserId, int Page, int PageSize) : IQuery<Page<ActivityEventView>>;

/// <param name="Device">The user agent as a browser and system from a fixed list ("Chrome on Windows").</param>
/// <param name="ByAdministrator">An administrator acted on the account (disabled it, ended its sessions, ...).</param>
public sealed record ActivityEventView(
    Guid Id, DateTimeOffset At, string Type, Guid? SessionId, string? ClientAddress, string? UserAgent, string? Device, bool ByAdministrator);
