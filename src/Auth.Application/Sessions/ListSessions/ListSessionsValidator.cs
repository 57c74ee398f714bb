using Auth.Application.Common.Validation;
using FluentValidation;

namespace Auth.Application.Sessions.ListSessions;

public sealed class ListSessionsValidator : AbstractValidator<ListSessionsQuery>
{
    public ListSessionsValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}
