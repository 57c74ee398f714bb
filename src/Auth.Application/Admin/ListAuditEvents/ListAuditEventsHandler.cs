using Auth.Application.Abstractions;
using Auth.Application.Admin.Common;
using Mediator;

namespace Auth.Application.Admin.ListAuditEvents;

public sealed class ListAuditEventsHandler(IAuditLog audit) : IQueryHandler<ListAuditEventsQuery, Page<AuditEventView>>
{
    public async ValueTask<Page<AuditEventView>> Handle(ListAuditEventsQuery query, CancellationToken cancellationToken)
    {
        var (items, total) = await audit.ListAsync(new AuditFilter(query.UserId, query.Type, query.From, query.To), query.Page, query.PageSize, cancellationToken);
        return new Page<AuditEventView>(
            [.. items.Select(e => new AuditEventView(e.Id, e.At, e.Type, e.UserId, e.ActorId, e.SessionId, e.ClientAddress, e.UserAgent))],
            total, query.Page, query.PageSize);
    }
}
