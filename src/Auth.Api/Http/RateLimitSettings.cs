namespace Auth.Api.Http;

/// <summary>Per-client-address limits on the endpoints that take credentials, bound from <c>RateLimiting</c>.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimiting";

    /// <summary>Off for load tests; the per-email lockout stays on regardless.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests one client address may make to signup, login and refresh together per window.</summary>
    public int PermitLimit { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests per client address to the endpoints that send mail (resend confirmation, forgot password).</summary>
    public int EmailPermitLimit { get; set; } = 5;

    public TimeSpan EmailWindow { get; set; } = TimeSpan.FromMinutes(15);
}
