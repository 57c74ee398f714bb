using Auth.Application.Users.ForgotPassword;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Auth.Infrastructure.Accounts;

/// <summary>Issues queued password resets one at a time, each in its own scope (its own unit of work).</summary>
internal sealed partial class PasswordResetWorker(
    PasswordResetQueue queue,
    IServiceScopeFactory scopes,
    ILogger<PasswordResetWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var request in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await IssueAsync(request, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task IssueAsync(ForgotPasswordCommand request, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<PasswordResetIssuer>().IssueAsync(request, stoppingToken);
            if (!result.IsSuccess)
            {
                LogFailed(result.Error!.Code, null);
            }
        }
#pragma warning disable CA1031 // One failed request (database away) must not stop the resets behind it.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed("exception", e);
        }
    }

    // No address in the log: the user asks again, and an address would tell a log reader who forgot a password.
    [LoggerMessage(Level = LogLevel.Warning, Message = "A password-reset request could not be issued ({Reason})")]
    private partial void LogFailed(string reason, Exception? exception);
}
