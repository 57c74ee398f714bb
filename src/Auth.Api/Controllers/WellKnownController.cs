using Auth.Api.Contracts;
using Auth.Application.Keys.GetSigningKeys;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Auth.Api.Controllers;

/// <summary>Discovery for other services: they validate our access tokens with these public keys, no secret shared.</summary>
[ApiController]
[Route(".well-known")]
[Produces("application/json")]
public sealed class WellKnownController(ISender sender) : ControllerBase
{
    // Short enough that a newly announced key reaches caches well before it signs (announce keys an hour ahead).
    private const int CacheSeconds = 300;

    /// <summary>The public signing keys (RFC 7517 JWK Set), each with its <c>kid</c>.</summary>
    /// <remarks>
    /// Holds the current key, keys announced to start signing later, and replaced keys until the tokens they signed
    /// have expired. Empty under HS256, whose secret is never published.
    /// </remarks>
    /// <response code="200">The key set.</response>
    [HttpGet("jwks.json")]
    [ResponseCache(Duration = CacheSeconds, Location = ResponseCacheLocation.Any)]
    [ProducesResponseType<JsonWebKeySetResponse>(StatusCodes.Status200OK)]
    public async Task<JsonWebKeySetResponse> Keys(CancellationToken cancellationToken)
    {
        var keys = await sender.Send(new GetSigningKeysQuery(), cancellationToken);
        return new JsonWebKeySetResponse([.. keys.Keys.Select(JsonWebKeyResponse.From)]);
    }

    /// <summary>OpenID Connect Discovery metadata: the issuer, <c>jwks_uri</c> and the signing algorithm.</summary>
    /// <remarks>URLs come from <c>Jwt:PublicBaseUrl</c> (or a URL issuer); without either, from the request, uncached.</remarks>
    /// <response code="200">The metadata.</response>
    [HttpGet("openid-configuration")]
    [ProducesResponseType<DiscoveryResponse>(StatusCodes.Status200OK)]
    public async Task<DiscoveryResponse> Configuration(CancellationToken cancellationToken)
    {
        var keys = await sender.Send(new GetSigningKeysQuery(), cancellationToken);
        var baseUrl = keys.PublicBaseUrl;
        if (baseUrl is null)
        {
            // Built from the request's Host header: fine for the caller, never for a shared cache.
            baseUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
            Response.Headers.CacheControl = "no-store";
        }
        else
        {
            Response.Headers.CacheControl = $"public, max-age={CacheSeconds}";
        }

        return new DiscoveryResponse(
            keys.Issuer,
            $"{baseUrl}/.well-known/jwks.json",
            $"{baseUrl}/auth/login",
            [.. keys.Algorithms],
            ["none"],
            ["public"],
            ["iss", "aud", "sub", "jti", "sid", "iat", "nbf", "exp", "email", "name", "role"]);
    }
}
