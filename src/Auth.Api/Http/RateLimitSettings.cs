namespace Auth.Api.Http;

/// <summary>
/// Per-client-address budgets, one per endpoint family, bound from <c>RateLimiting</c>: spending one family's
/// budget (a guesser on login) leaves the others (refresh, mail) untouched. The address is
/// <c>Connection.RemoteIpAddress</c>, which the forwarded-headers middleware sets to the real client behind a proxy.
/// </summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimiting";

    /// <summary>Off for load tests; the per-email lockout stays on regardless.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests one client address may make per window to the endpoints that check a password (signup, login, password change and reset, account delete).</summary>
    public int PermitLimit { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Refreshes per client address per window. Generous: a whole office behind one NAT address refreshes every
    /// access-token lifetime, and a refresh costs no password hash.
    /// </summary>
    public int RefreshPermitLimit { get; set; } = 600;

    public TimeSpan RefreshWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests per client address to the endpoints that send mail (resend confirmation, forgot password).</summary>
    public int EmailPermitLimit { get; set; } = 5;

    public TimeSpan EmailWindow { get; set; } = TimeSpan.FromMinutes(15);
}
