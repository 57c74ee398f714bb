using Auth.Domain.Passkeys;
using Auth.Domain.Users;

namespace Auth.Application.Abstractions;

/// <summary>
/// The WebAuthn ceremonies (W3C Web Authentication Level 3), verified by a library: this service writes none of the
/// cryptography. Options and the browser's answers travel as the JSON the browser's
/// <c>PublicKeyCredential.toJSON()</c> / <c>parse*OptionsFromJSON</c> use.
/// </summary>
public interface IWebAuthn
{
    /// <summary>PublicKeyCredentialCreationOptions for <paramref name="user"/>: a resident key, none of <paramref name="existing"/> again.</summary>
    string CreationOptions(User user, IReadOnlyList<Passkey> existing);

    /// <summary>The credential an attestation created under <paramref name="options"/>; null when it does not verify.</summary>
    Task<NewPasskey?> VerifyAttestationAsync(string options, string attestation, CancellationToken cancellationToken);

    /// <summary>PublicKeyCredentialRequestOptions, listing <paramref name="allowed"/> (none: any discoverable credential).</summary>
    string RequestOptions(IReadOnlyList<Passkey> allowed);

    /// <summary>The credential id an assertion claims, and the user handle it carries; null when it cannot be read.</summary>
    PresentedAssertion? Read(string assertion);

    /// <summary>
    /// Verifies the assertion against the options it answers and the stored <paramref name="passkey"/>: origin, RP id,
    /// challenge, user presence and verification, signature. The counter is checked by <see cref="Passkey.AcceptsCounter"/>.
    /// </summary>
    Task<VerifiedAssertion?> VerifyAssertionAsync(string options, string assertion, Passkey passkey, CancellationToken cancellationToken);
}

/// <param name="UserHandle">The account id the authenticator stored with a discoverable credential, when it sent one.</param>
public sealed record PresentedAssertion(byte[] CredentialId, byte[]? UserHandle);

public sealed record VerifiedAssertion(uint SignCount, bool BackupEligible, bool BackedUp);
