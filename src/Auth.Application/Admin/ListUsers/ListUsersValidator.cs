using Auth.Application.Common.Validation;
using FluentValidation;

namespace Auth.Application.Admin.ListUsers;

public sealed class ListUsersValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        RuleFor(q => q.EmailPrefix).MaximumLength(254);
        RuleFor(q => q.Sort).IsInEnum().WithMessage("Sort must be createdDesc, createdAsc, emailAsc or emailDesc.");
    }
}
