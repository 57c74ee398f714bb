using Auth.Application.Abstractions;
using Mediator;

namespace Auth.Application.Keys.GetSigningKeys;

public sealed class GetSigningKeysHandler(ITokenSigningKeys keys, TimeProvider time) : IQueryHandler<GetSigningKeysQuery, SigningKeySet>
{
    public ValueTask<SigningKeySet> Handle(GetSigningKeysQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new SigningKeySet(keys.Issuer, keys.PublicBaseUrl, keys.Algorithms, keys.Published(time.GetUtcNow())));
}
