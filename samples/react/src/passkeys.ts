/**
 * The WebAuthn ceremonies, run by the browser on the options JSON the service sends
 * (PublicKeyCredential.parse...OptionsFromJSON), answered with the credential's toJSON(), as the API expects.
 */
export async function createPasskey(options: unknown): Promise<PublicKeyCredentialJSON> {
  const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(options as PublicKeyCredentialCreationOptionsJSON);
  const credential = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential;
  return credential.toJSON();
}

export async function getPasskey(options: unknown): Promise<PublicKeyCredentialJSON> {
  const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(options as PublicKeyCredentialRequestOptionsJSON);
  const credential = (await navigator.credentials.get({ publicKey })) as PublicKeyCredential;
  return credential.toJSON();
}

/** A ceremony the person cancelled or the browser refused (DOMException), as opposed to the service's answer. */
export function isCeremonyError(error: unknown): boolean {
  return error instanceof DOMException;
}
