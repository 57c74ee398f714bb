using Auth.Application.Common.Validation;
using FluentValidation;

namespace Auth.Application.Users.ListActivity;

public sealed class ListActivityValidator : AbstractValidator<ListActivityQuery>
{
    public ListActivityValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}
