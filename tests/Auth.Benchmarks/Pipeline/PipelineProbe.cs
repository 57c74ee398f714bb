using Auth.Application.Common.Results;
using Auth.Application.Common.Validation;
using FluentValidation;
using Mediator;

namespace Auth.Benchmarks.Pipeline;

/// <summary>A command shaped like login's (an email and a password, validated the same way) whose handler does nothing.</summary>
public sealed record PipelineProbeCommand(string Email, string Password) : ICommand<Result>;

public sealed class PipelineProbeHandler : ICommandHandler<PipelineProbeCommand, Result>
{
    public ValueTask<Result> Handle(PipelineProbeCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(Result.Success);
}

public sealed class PipelineProbeValidator : AbstractValidator<PipelineProbeCommand>
{
    public PipelineProbeValidator()
    {
        // LoginValidator's rules (a validator is bound to its command type, so they are restated, not shared).
        RuleFor(c => c.Email).NotEmpty().WithMessage("Email is required.")
            .MaximumLength(Auth.Domain.Users.Email.MaxLength + 2);
        RuleFor(c => c.Password).NotEmpty().WithMessage("Password is required.")
            .MaximumLength(RuleExtensions.PasswordMaxLength);
    }
}
