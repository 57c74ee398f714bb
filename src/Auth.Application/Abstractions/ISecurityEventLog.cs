using Auth.Application.Common.Security;

namespace Auth.Application.Abstractions;

/// <summary>Where security-relevant events go: structured logs today, an audit table as well later.</summary>
public interface ISecurityEventLog
{
    void Record(SecurityEvent securityEvent);
}
