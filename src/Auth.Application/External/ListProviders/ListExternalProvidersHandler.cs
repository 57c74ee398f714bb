using Auth.Application.Abstractions;
using Auth.Application.External.Common;
using Mediator;

namespace Auth.Application.External.ListProviders;

public sealed class ListExternalProvidersHandler(IExternalProviders providers) : IQueryHandler<ListExternalProvidersQuery, IReadOnlyList<ExternalProviderInfo>>
{
    public ValueTask<IReadOnlyList<ExternalProviderInfo>> Handle(ListExternalProvidersQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(providers.All);
}
