namespace Auth.Api.Http;

/// <summary>Bound from the <c>Auth</c> section; an unknown transport stops the service at start, naming the key.</summary>
public sealed class RefreshTokenTransportOptions
{
    public const string Section = "Auth";

    public const string Key = Section + ":" + nameof(RefreshTokenTransport);

    public RefreshTokenTransport RefreshTokenTransport { get; set; } = RefreshTokenTransport.Body;
}
