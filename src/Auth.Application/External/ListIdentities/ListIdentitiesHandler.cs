using Auth.Application.Abstractions;
using Auth.Application.External.Common;
using Mediator;

namespace Auth.Application.External.ListIdentities;

public sealed class ListIdentitiesHandler(IExternalIdentityRepository identities) : IQueryHandler<ListIdentitiesQuery, IReadOnlyList<ExternalIdentityView>>
{
    public async ValueTask<IReadOnlyList<ExternalIdentityView>> Handle(ListIdentitiesQuery query, CancellationToken cancellationToken) =>
        [.. (await identities.ListForUserAsync(query.UserId, cancellationToken)).Select(ExternalIdentityView.Of)];
}
