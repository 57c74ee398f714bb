using Auth.Application.Abstractions;
using Auth.Domain.Devices;
using Microsoft.EntityFrameworkCore;

namespace Auth.Infrastructure.Persistence.Repositories;

internal sealed class KnownDeviceRepository(AuthDbContext db) : IKnownDeviceRepository
{
    public Task<KnownDevice?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        db.KnownDevices.FirstOrDefaultAsync(d => d.TokenHash == tokenHash, cancellationToken);

    public Task<bool> AnyForUserAsync(Guid userId, CancellationToken cancellationToken) =>
        db.KnownDevices.AnyAsync(d => d.UserId == userId, cancellationToken);

    public async Task<IReadOnlyList<KnownDevice>> ListUnrevokedAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.KnownDevices.Where(d => d.UserId == userId && d.RevokedAt == null).ToListAsync(cancellationToken);

    public Task<KnownDevice?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        db.KnownDevices.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    public void Add(KnownDevice device) => db.KnownDevices.Add(device);
}
