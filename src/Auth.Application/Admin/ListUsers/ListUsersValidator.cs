using FluentValidation;

namespace Auth.Application.Admin.ListUsers;

public sealed class ListUsersValidator : AbstractValidator<ListUsersQuery>
{
    public const int MaxPageSize = 100;

    public ListUsersValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Page starts at 1.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize).WithMessage($"Page size must be between 1 and {MaxPageSize}.");
        RuleFor(q => q.EmailPrefix).MaximumLength(254);
        RuleFor(q => q.Sort).IsInEnum().WithMessage("Sort must be createdDesc, createdAsc, emailAsc or emailDesc.");
    }
}
