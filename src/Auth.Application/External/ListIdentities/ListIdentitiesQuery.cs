using Auth.Application.External.Common;
using Mediator;

namespace Auth.Application.External.ListIdentities;

public sealed record ListIdentitiesQuery(Guid UserId) : IQuery<IReadOnlyList<ExternalIdentityView>>;
