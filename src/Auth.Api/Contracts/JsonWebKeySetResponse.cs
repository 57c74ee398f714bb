using System.Text.Json.Serialization;
using Auth.Application.Keys;

namespace Auth.Api.Contracts;

/// <summary>An RFC 7517 JWK Set: the public keys that verify this service's access tokens.</summary>
public sealed record JsonWebKeySetResponse(IReadOnlyList<JsonWebKeyResponse> Keys);

/// <summary>One public key (RFC 7517, RFC 7518 §6): RSA keys carry <c>n</c> and <c>e</c>, EC keys <c>crv</c>, <c>x</c>, <c>y</c>.</summary>
public sealed record JsonWebKeyResponse(
    [property: JsonPropertyName("kty")] string KeyType,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("alg")] string Algorithm,
    [property: JsonPropertyName("kid")] string KeyId,
    [property: JsonPropertyName("n"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Modulus,
    [property: JsonPropertyName("e"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Exponent,
    [property: JsonPropertyName("crv"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Curve,
    [property: JsonPropertyName("x"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? X,
    [property: JsonPropertyName("y"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Y)
{
    public static JsonWebKeyResponse From(PublicSigningKey key) => new(
        key.KeyType, "sig", key.Algorithm, key.KeyId,
        key.Parameters.GetValueOrDefault("n"), key.Parameters.GetValueOrDefault("e"),
        key.Parameters.GetValueOrDefault("crv"), key.Parameters.GetValueOrDefault("x"), key.Parameters.GetValueOrDefault("y"));
}
