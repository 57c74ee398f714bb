using Auth.Domain.Audit;

namespace Auth.Application.Abstractions;

/// <summary>Reads the stored security events; domain events write them through the outbox.</summary>
public interface IAuditLog
{
    Task<(IReadOnlyList<AuditEntry> Items, int Total)> ListAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken);
}

public sealed record AuditFilter(Guid? UserId, string? Type, DateTimeOffset? From, DateTimeOffset? To)
{
    /// <summary>Only events of these types, when set.</summary>
    public IReadOnlyCollection<string>? Types { get; init; }
}
