namespace Auth.Application.Common.Errors;

/// <summary>The errors of passkeys: registration, management, sign-in.</summary>
public static partial class AuthErrors
{
    /// <summary>
    /// A passkey sign-in was refused: unknown credential or challenge, wrong origin or RP id, a reused challenge, a bad
    /// signature, a counter gone backwards. One answer for all, so a caller learns nothing about which.
    /// </summary>
    public static readonly Error InvalidPasskey = new("invalid_passkey", ErrorKind.Unauthorized, "The passkey could not be verified. Start again.");

    /// <summary>A registration's attestation does not verify, answers no open challenge, or names a credential already registered.</summary>
    public static readonly Error InvalidAttestation = new("invalid_attestation", ErrorKind.Validation,
        "The new passkey could not be verified. Ask for new options at POST /auth/passkeys/register/options and try again.");

    public static readonly Error PasskeyNotFound = new("passkey_not_found", ErrorKind.NotFound, "No passkey of yours has this id.");

    /// <summary>Removing it would leave the account with no way to sign in.</summary>
    public static readonly Error LastSignInMethod = new("last_sign_in_method", ErrorKind.Conflict,
        "This is the account's only way to sign in: add a password, a passkey or another provider first.");
}
