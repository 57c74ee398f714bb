using System.Text.Json.Serialization;

namespace Auth.Api.Contracts;

/// <summary>
/// The subset of OpenID Connect Discovery 1.0 metadata a resource server needs to validate our tokens: who issues
/// them, where the keys are, which algorithms to accept.
/// </summary>
public sealed record DiscoveryResponse(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("token_endpoint")] string TokenEndpoint,
    [property: JsonPropertyName("id_token_signing_alg_values_supported")] IReadOnlyList<string> SigningAlgorithms,
    [property: JsonPropertyName("token_endpoint_auth_methods_supported")] IReadOnlyList<string> TokenEndpointAuthMethods,
    [property: JsonPropertyName("subject_types_supported")] IReadOnlyList<string> SubjectTypes,
    [property: JsonPropertyName("claims_supported")] IReadOnlyList<string> Claims);
