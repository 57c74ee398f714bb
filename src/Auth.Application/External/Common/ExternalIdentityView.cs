using Auth.Domain.External;

namespace Auth.Application.External.Common;

public sealed record ExternalIdentityView(Guid Id, string Provider, string? Email, DateTimeOffset LinkedAt, DateTimeOffset LastUsedAt)
{
    public static ExternalIdentityView Of(ExternalIdentity identity) =>
        new(identity.Id, identity.Provider, identity.Email, identity.LinkedAt, identity.LastUsedAt);
}
