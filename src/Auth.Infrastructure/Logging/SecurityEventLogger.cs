using Auth.Application.Abstractions;
using Auth.Application.Common.Security;
using Auth.Domain.Audit;
using Auth.Infrastructure.Audit;
using Auth.Infrastructure.Telemetry;
using Microsoft.Extensions.Logging;

namespace Auth.Infrastructure.Logging;

/// <summary>
/// Security events as structured log events and as audit-table rows. Only ids, the event type and the client:
/// no secrets.
/// </summary>
internal sealed partial class SecurityEventLogger(AuditQueue audit, AuthMetrics metrics, TimeProvider time, ILogger<SecurityEventLogger> logger) : ISecurityEventLog
{
    public void Record(SecurityEvent securityEvent)
    {
        var level = securityEvent.Type is SecurityEventType.LoginFailed or SecurityEventType.RefreshTokenReused or SecurityEventType.LockedOut
            ? LogLevel.Warning
            : LogLevel.Information;
        metrics.Record(securityEvent.Type);
        Log(level, securityEvent.Type, securityEvent.UserId, securityEvent.SessionId, securityEvent.ActorId, securityEvent.Client.Address);

        var entry = new AuditEntry(time.GetUtcNow(), securityEvent.Type.ToString(), securityEvent.UserId, securityEvent.ActorId,
            securityEvent.SessionId, securityEvent.Client.Address, securityEvent.Client.UserAgent);
        if (!audit.TryAdd(entry))
        {
            metrics.AuditFailed("queue_full");
            LogAuditQueueFull(securityEvent.Type);
        }
    }

    [LoggerMessage(EventId = 1000, Message = "Security event {SecurityEvent} user {UserId} session {SessionId} actor {ActorId} client {ClientAddress}")]
    private partial void Log(LogLevel level, SecurityEventType securityEvent, Guid? userId, Guid? sessionId, Guid? actorId, string? clientAddress);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Audit queue full: {SecurityEvent} was logged but not stored")]
    private partial void LogAuditQueueFull(SecurityEventType securityEvent);
}
