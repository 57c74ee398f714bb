using Auth.Application.Abstractions;
using Auth.Domain.Devices;

namespace Auth.UnitTests.Support;

/// <summary>Known devices as the table holds them: what is added is found afterwards.</summary>
internal sealed class InMemoryKnownDeviceRepository : IKnownDeviceRepository
{
    public List<KnownDevice> Devices { get; } = [];

    public Task<KnownDevice?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        Task.FromResult(Devices.FirstOrDefault(d => d.TokenHash == tokenHash));

    public Task<bool> AnyForUserAsync(Guid userId, CancellationToken cancellationToken) =>
        Task.FromResult(Devices.Any(d => d.UserId == userId));

    public Task<IReadOnlyList<KnownDevice>> ListUnrevokedAsync(Guid userId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<KnownDevice>>([.. Devices.Where(d => d.UserId == userId && d.RevokedAt is null)]);

    public Task<KnownDevice?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(Devices.FirstOrDefault(d => d.Id == id));

    public void Add(KnownDevice device) => Devices.Add(device);
}
