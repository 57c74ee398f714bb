using Auth.Application.Abstractions;
using Auth.Application.Passkeys.Common;
using Mediator;

namespace Auth.Application.Passkeys.ListPasskeys;

public sealed class ListPasskeysHandler(IPasskeyRepository passkeys) : IQueryHandler<ListPasskeysQuery, IReadOnlyList<PasskeyView>>
{
    public async ValueTask<IReadOnlyList<PasskeyView>> Handle(ListPasskeysQuery query, CancellationToken cancellationToken) =>
        [.. (await passkeys.ListForUserAsync(query.UserId, cancellationToken)).Select(PasskeyView.Of)];
}
