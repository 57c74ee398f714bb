using Auth.Application.Common.Validation;
using FluentValidation;

namespace Auth.Application.Users.UpdateProfile;

public sealed class UpdateProfileValidator : AbstractValidator<UpdateProfileCommand>
{
    public UpdateProfileValidator() => RuleFor(c => c.Name).ValidDisplayName();
}
