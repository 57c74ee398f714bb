using System.Diagnostics;

namespace Auth.Infrastructure.Telemetry;

/// <summary>The service's own meter and activity source, both named <c>Auth</c>.</summary>
public static class AuthTelemetry
{
    public const string Name = "Auth";

    /// <summary>Spans the frameworks do not make: one per mediator command, one per SMTP delivery.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);
}
