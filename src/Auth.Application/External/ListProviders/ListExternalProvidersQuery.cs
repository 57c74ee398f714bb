using Auth.Application.External.Common;
using Mediator;

namespace Auth.Application.External.ListProviders;

public sealed record ListExternalProvidersQuery : IQuery<IReadOnlyList<ExternalProviderInfo>>;
