using Auth.Application.Admin.Common;
using Mediator;

namespace Auth.Application.Admin.ListAuditEvents;

public sealed record ListAuditEventsQuery(Guid? UserId, string? Type, DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize)
    : IQuery<Page<AuditEventView>>;

public sealed record AuditEventView(
    Guid Id, DateTimeOffset At, string Type, Guid? UserId, Guid? ActorId, Guid? SessionId, string? ClientAddress, string? UserAgent);
