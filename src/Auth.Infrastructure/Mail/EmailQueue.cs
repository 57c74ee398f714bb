using System.Threading.Channels;
using Auth.Application.Abstractions;
using Microsoft.Extensions.Options;

namespace Auth.Infrastructure.Mail;

/// <summary>Mail waiting for <see cref="EmailDispatcher"/>. Bounded, and adding never waits.</summary>
internal sealed class EmailQueue(IOptions<EmailOptions> options)
{
    private readonly Channel<QueuedEmail> channel = Channel.CreateBounded<QueuedEmail>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public ChannelReader<QueuedEmail> Reader => channel.Reader;

    /// <returns>False when the queue is full and the message was dropped.</returns>
    public bool TryAdd(QueuedEmail email) => channel.Writer.TryWrite(email);
}

/// <param name="Attempt">How many tries came before this one.</param>
internal sealed record QueuedEmail(EmailMessage Message, int Attempt = 0);
