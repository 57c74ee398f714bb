namespace Auth.Application.Keys;

/// <summary>
/// A public key as RFC 7517 describes it: <paramref name="KeyType"/> is <c>kty</c> and <paramref name="Parameters"/>
/// the type's members (<c>n</c>, <c>e</c> for RSA; <c>crv</c>, <c>x</c>, <c>y</c> for EC), base64url.
/// </summary>
public sealed record PublicSigningKey(string KeyId, string KeyType, string Algorithm, IReadOnlyDictionary<string, string> Parameters);
