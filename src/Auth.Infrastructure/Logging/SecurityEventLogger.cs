using Auth.Application.Abstractions;
using Auth.Application.Common.Security;
using Microsoft.Extensions.Logging;

namespace Auth.Infrastructure.Logging;

/// <summary>Security events as structured log events. Only ids, the event type and the client address: no secrets.</summary>
internal sealed partial class SecurityEventLogger(ILogger<SecurityEventLogger> logger) : ISecurityEventLog
{
    public void Record(SecurityEvent securityEvent)
    {
        var level = securityEvent.Type is SecurityEventType.LoginFailed or SecurityEventType.RefreshTokenReused
            ? LogLevel.Warning
            : LogLevel.Information;
        Log(level, securityEvent.Type, securityEvent.UserId, securityEvent.SessionId, securityEvent.Client.Address);
    }

    [LoggerMessage(EventId = 1000, Message = "Security event {SecurityEvent} user {UserId} session {SessionId} client {ClientAddress}")]
    private partial void Log(LogLevel level, SecurityEventType securityEvent, Guid? userId, Guid? sessionId, string? clientAddress);
}
