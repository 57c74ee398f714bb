using Auth.Application.Abstractions;
using Auth.Application.Common.Results;
using Auth.Domain.Users;
using Mediator;

namespace Auth.Application.Admin.RecordRefusedCall;

/// <summary>Puts a sample of refused administrator calls on the audit trail (through the outbox, like every event).</summary>
public sealed class RecordRefusedAdminCallHandler(RefusedCallSampler sampler, IUnitOfWork unitOfWork, TimeProvider time)
    : ICommandHandler<RecordRefusedAdminCallCommand, Result>
{
    public async ValueTask<Result> Handle(RecordRefusedAdminCallCommand command, CancellationToken cancellationToken)
    {
        if (!sampler.ShouldRecord(command.UserId))
        {
            return Result.Success;
        }

        unitOfWork.Raise(new AdminAccessRefused(command.UserId, time.GetUtcNow()));
        return await unitOfWork.SaveChangesAsync(cancellationToken);
    }
}
