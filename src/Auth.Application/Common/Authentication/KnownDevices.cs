using Auth.Application.Abstractions;
using Auth.Application.Common.Security;
using Auth.Domain.Devices;
using Auth.Domain.Users;

namespace Auth.Application.Common.Authentication;

/// <summary>
/// Device tokens (OWASP "device cookies"): issued to a client when it signs in, recognised at its next login, and
/// revoked with the password.
/// </summary>
public sealed class KnownDevices(IKnownDeviceRepository devices, IRefreshTokenGenerator tokens, IDevicePolicy policy)
{
    /// <summary>The device a presented token names, whoever it belongs to; null when none was presented or it is unknown.</summary>
    public async Task<PresentedDevice?> FindAsync(string? token, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(token) || await devices.FindByTokenHashAsync(tokens.Hash(token), cancellationToken) is not { } device
            ? null
            : new PresentedDevice(device, token);

    /// <summary>The device a presented token names, if it is known to the user (the verifiers that find the user first).</summary>
    public async Task<PresentedDevice?> FindKnownAsync(string? token, Guid userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await FindAsync(token, cancellationToken) is { } presented && presented.Device.IsKnownTo(userId, now) ? presented : null;

    /// <summary>The device a second-factor challenge was issued to, if it is still known to the user.</summary>
    public async Task<PresentedDevice?> FindKnownAsync(Guid? deviceId, Guid userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        deviceId is { } id && await devices.FindByIdAsync(id, cancellationToken) is { } device && device.IsKnownTo(userId, now)
            ? new PresentedDevice(device, null)
            : null;

    /// <summary>
    /// Records a sign-in of <paramref name="user"/> in the unit of work: a known device signs in again; any other
    /// client becomes a known device with a fresh token.
    /// </summary>
    public async Task<DeviceSignIn> SignInAsync(User user, PresentedDevice? known, ClientInfo client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (known is not null)
        {
            known.Device.SignedIn(now, policy.TokenLifetime, client.Address, client.UserAgent);
            return new DeviceSignIn(known.Token, AlertOwner: false);
        }

        // The first sign-in of an account (just after signup) has nothing to compare with: no alert.
        var hadDevices = await devices.AnyForUserAsync(user.Id, cancellationToken);
        var token = tokens.Create();
        devices.Add(KnownDevice.Register(user.Id, token.Hash, now, policy.TokenLifetime, client.Address, client.UserAgent));
        return new DeviceSignIn(token.Value, AlertOwner: hadDevices && policy.NewDeviceAlert);
    }

    /// <summary>Revokes every device of the user in the unit of work: their tokens become an unknown client's.</summary>
    public async Task RevokeAllAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var device in await devices.ListUnrevokedAsync(userId, cancellationToken))
        {
            device.Revoke(now);
        }
    }
}

/// <param name="Token">
/// As the client presented it: handed back so a cookie's lifetime slides with each sign-in. Null when the sign-in
/// finishes on a request that does not carry it (a second factor after the password): the client keeps the one it has.
/// </param>
public sealed record PresentedDevice(KnownDevice Device, string? Token);

/// <param name="Token">The device token the client keeps; null when it keeps the one it has.</param>
/// <param name="AlertOwner">A new device of an account that had others: mail the owner.</param>
public sealed record DeviceSignIn(string? Token, bool AlertOwner);
