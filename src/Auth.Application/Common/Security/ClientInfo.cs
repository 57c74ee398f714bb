namespace Auth.Application.Common.Security;

/// <summary>Who is calling, as the transport saw it; stored on sessions and in security events.</summary>
public sealed record ClientInfo(string? Address, string? UserAgent)
{
    public static readonly ClientInfo Unknown = new(null, null);
}
