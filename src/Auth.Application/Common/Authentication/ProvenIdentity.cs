using Auth.Domain.Users;

namespace Auth.Application.Common.Authentication;

/// <summary>
/// What a verifier yields: whose identity was proven and how (RFC 8176 <c>amr</c> values: <c>pwd</c> today; a second
/// factor, passkey or external provider adds its own). <see cref="SignIn"/> takes it from there.
/// </summary>
/// <param name="User">Tracked in the request's unit of work (a rehash made while verifying is saved with the session).</param>
/// <param name="Device">The known device the proof came from, when the client presented its token; null for a new one.</param>
public sealed record ProvenIdentity(User User, IReadOnlyList<string> Amr, PresentedDevice? Device)
{
    public const string Password = Domain.Sessions.AuthenticationMethods.Password;
}
