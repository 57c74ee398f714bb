using Mediator;

namespace Auth.Application.Keys.GetSigningKeys;

/// <summary>The JWKS and discovery data: issuer, algorithms and the public keys valid now.</summary>
public sealed record GetSigningKeysQuery : IQuery<SigningKeySet>;

public sealed record SigningKeySet(string Issuer, string? PublicBaseUrl, IReadOnlyList<string> Algorithms, IReadOnlyList<PublicSigningKey> Keys);
