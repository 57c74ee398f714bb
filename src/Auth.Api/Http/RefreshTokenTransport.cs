namespace Auth.Api.Http;

/// <summary>How the refresh token travels between the service and its clients: <c>Auth:RefreshTokenTransport</c>.</summary>
public enum RefreshTokenTransport
{
    /// <summary>In the JSON of signup, login and refresh, and back in the refresh request's body (the default).</summary>
    Body,

    /// <summary>In an <c>HttpOnly; Secure; SameSite=Strict</c> cookie scoped to <c>/auth</c>, out of reach of page scripts.</summary>
    Cookie,
}
