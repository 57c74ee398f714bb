using Auth.Application.Passkeys.Common;
using Mediator;

namespace Auth.Application.Passkeys.ListPasskeys;

public sealed record ListPasskeysQuery(Guid UserId) : IQuery<IReadOnlyList<PasskeyView>>;
