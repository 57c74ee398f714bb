namespace Auth.Domain.Events;

/// <summary>
/// Something that happened, raised by the entity it happened to. The unit of work stores it with the change that
/// caused it (one transaction), and its effects (revocation, audit, mail, telemetry) follow from there.
/// </summary>
public interface IDomainEvent
{
    DateTimeOffset At { get; }
}
