namespace Auth.Domain.Events;

/// <summary>An entity that raises domain events; they wait here until the unit of work commits them.</summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> domainEvents = [];

    /// <summary>Raised since the last commit, in order.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => domainEvents;

    /// <summary>Called by the unit of work once the events are stored with the change.</summary>
    public void ClearDomainEvents() => domainEvents.Clear();

    protected void Raise(IDomainEvent domainEvent) => domainEvents.Add(domainEvent);
}
