using Auth.Application.Common.Security;
using Auth.Application.Common.Validation;
using FluentValidation;

namespace Auth.Application.Admin.ListAuditEvents;

public sealed class ListAuditEventsValidator : AbstractValidator<ListAuditEventsQuery>
{
    public ListAuditEventsValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        // Names only: Enum.TryParse would also take "3" or "A,B", which match no stored row.
        RuleFor(q => q.Type).Must(t => t is null || Enum.GetNames<SecurityEventType>().Contains(t))
            .WithMessage($"Type must be one of: {string.Join(", ", Enum.GetNames<SecurityEventType>())}.");
        RuleFor(q => q.To).Must((q, to) => to is null || q.From is null || q.From <= to).WithMessage("From must not be after to.");
    }
}
