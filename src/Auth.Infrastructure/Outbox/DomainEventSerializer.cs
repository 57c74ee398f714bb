using System.Collections.Frozen;
using System.Text.Json;
using Auth.Domain.Events;

namespace Auth.Infrastructure.Outbox;

/// <summary>Events as outbox payloads: JSON, named by their type's short name (unique across the domain).</summary>
internal static class DomainEventSerializer
{
    private static readonly FrozenDictionary<string, Type> Types = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public static string TypeName(IDomainEvent domainEvent) => domainEvent.GetType().Name;

    public static string Serialize(IDomainEvent domainEvent) => JsonSerializer.Serialize(domainEvent, domainEvent.GetType());

    /// <returns>Null for a type this build does not know (written by a newer version) or a forgotten payload.</returns>
    public static IDomainEvent? Deserialize(string type, string? payload) =>
        payload is not null && Types.TryGetValue(type, out var clrType)
            ? (IDomainEvent?)JsonSerializer.Deserialize(payload, clrType)
            : null;
}
