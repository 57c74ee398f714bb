using System.Threading.Channels;
using Auth.Application.Abstractions;
using Auth.Application.Users.ForgotPassword;
using Microsoft.Extensions.Logging;

namespace Auth.Infrastructure.Accounts;

/// <summary>Reset requests waiting for <see cref="PasswordResetWorker"/>: bounded, and adding never waits.</summary>
internal sealed partial class PasswordResetQueue(ILogger<PasswordResetQueue> logger) : IPasswordResetRequests
{
    /// <summary>Far above a legitimate burst; the per-address mail rate limit keeps one client well below it.</summary>
    public const int Capacity = 1000;

    private readonly Channel<ForgotPasswordCommand> channel = Channel.CreateBounded<ForgotPasswordCommand>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public ChannelReader<ForgotPasswordCommand> Reader => channel.Reader;

    public void Enqueue(ForgotPasswordCommand request)
    {
        if (!channel.Writer.TryWrite(request))
        {
            LogDropped(Capacity);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Password-reset queue full ({Capacity}); a request was dropped")]
    private partial void LogDropped(int capacity);
}
