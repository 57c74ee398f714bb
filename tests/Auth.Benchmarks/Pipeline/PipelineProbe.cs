using Auth.Application.Common.Results;
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
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254).EmailAddress();
        RuleFor(c => c.Password).NotEmpty().MaximumLength(1024);
    }
}
