using Auth.Domain.Devices;

namespace Auth.Application.Abstractions;

public interface IKnownDeviceRepository
{
    /// <summary>The device whose token hashes to <paramref name="tokenHash"/>, tracked; null when none.</summary>
    Task<KnownDevice?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Whether the user has ever had a device (revoked and expired ones count): false until their first sign-in.</summary>
    Task<bool> AnyForUserAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The user's devices that are not revoked, tracked.</summary>
    Task<IReadOnlyList<KnownDevice>> ListUnrevokedAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The device with this id, tracked; null when none.</summary>
    Task<KnownDevice?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    void Add(KnownDevice device);
}
