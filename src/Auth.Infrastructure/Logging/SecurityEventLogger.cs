using Auth.Application.Common.Security;
using Auth.Domain.Users;
using Auth.Infrastructure.Mail;
using Auth.Infrastructure.Outbox;
using Auth.Infrastructure.Telemetry;
using Microsoft.Extensions.Logging;

namespace Auth.Infrastructure.Logging;

/// <summary>
/// Security events as structured log events, written once the change that raised them is committed. Only ids, the
/// event type and the client address: no secrets. Metrics would observe commits the same way.
/// </summary>
internal sealed partial class SecurityEventLogger(AuthMetrics metrics, ILogger<SecurityEventLogger> logger) : ICommittedEventObserver
{
    public void OnCommitted(CommittedEvent committed)
    {
        if (committed.Record is not { } record)
        {
            return;
        }

        var level = record.Type is SecurityEventType.LoginFailed or SecurityEventType.RefreshTokenReused or SecurityEventType.LockedOut
            ? LogLevel.Warning
            : LogLevel.Information;
        metrics.Record(record.Type);
        Log(level, record.Type, record.UserId, committed.SessionId, committed.ActorId, committed.Client.Address);
        if (committed.Event is EmailChanged changed)
        {
            // Which addresses, for whoever investigates a takeover, but masked like every address in the logs.
            var (from, to) = (MaskedAddress.Of(changed.Email), MaskedAddress.Of(changed.NewEmail));
            LogEmailChanged(changed.UserId, from, to, committed.ActorId);
        }
    }

    [LoggerMessage(EventId = 1000, Message = "Security event {SecurityEvent} user {UserId} session {SessionId} actor {ActorId} client {ClientAddress}")]
    private partial void Log(LogLevel level, SecurityEventType securityEvent, Guid? userId, Guid? sessionId, Guid? actorId, string? clientAddress);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Email of user {UserId} changed from {OldEmail} to {NewEmail} actor {ActorId}")]
    private partial void LogEmailChanged(Guid userId, string oldEmail, string newEmail, Guid? actorId);
}
