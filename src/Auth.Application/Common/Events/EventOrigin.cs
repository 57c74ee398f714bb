using Auth.Application.Common.Security;

namespace Auth.Application.Common.Events;

/// <summary>
/// Who caused the events of this scope: the host fills it per request (client, signed-in caller), and the session
/// starter adds the session it starts. Entities do not know the transport; the outbox stamps this on their events.
/// </summary>
public sealed class EventOrigin
{
    public ClientInfo Client { get; set; } = ClientInfo.Unknown;

    /// <summary>The signed-in user making the request; an administrator when acting on someone else's account.</summary>
    public Guid? CallerId { get; set; }

    /// <summary>The caller's session, or the one this request started (signup).</summary>
    public Guid? SessionId { get; set; }
}
