import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { passkeysRegister, passkeysRegistrationOptions } from '@auth/client';
import { SoftwareAuthenticator, type CreationOptionsJson, type RequestOptionsJson } from './support/authenticator.js';
import { newClient, newEmail, password } from './support/clients.js';
import { startService, type Service } from './support/service.js';

describe('createAuthClient, passkeys', () => {
  let service: Service;
  before(async () => {
    service = await startService();
  });
  after(async () => {
    await service?.stop();
  });

  test('signInWithPasskey starts an aal2 session from the options and an assertion, with no password', async () => {
    const { email, authenticator } = await accountWithPasskey(service);
    const { auth } = newClient(service);

    const options = await auth.passkeySignInOptions();
    const session = await auth.signInWithPasskey(options.challengeId, authenticator.get(options.publicKey as RequestOptionsJson));
    const user = await auth.user();

    assert.equal(auth.signedIn, true);
    assert.ok(session.deviceToken);
    assert.equal(user.email, email);
    assert.equal(user.session?.aal, 'aal2');
    assert.deepEqual(user.session?.amr, ['hwk', 'mfa']);
  });

  test('a challenge is spent by its sign-in: answering it again throws invalid_passkey', async () => {
    const { authenticator } = await accountWithPasskey(service);
    const { auth } = newClient(service);
    const options = await auth.passkeySignInOptions();
    await auth.signInWithPasskey(options.challengeId, authenticator.get(options.publicKey as RequestOptionsJson));
    const { auth: other } = newClient(service);

    await assert.rejects(
      other.signInWithPasskey(options.challengeId, authenticator.get(options.publicKey as RequestOptionsJson)),
      { status: 401, code: 'invalid_passkey' });
    assert.equal(other.signedIn, false);
  });
});

/** An account with one passkey, registered as its owner's browser would do it. */
async function accountWithPasskey(service: Service): Promise<{ email: string; authenticator: SoftwareAuthenticator }> {
  const email = newEmail();
  const { auth } = newClient(service);
  await auth.signup({ email, password, name: 'Ada' });
  const { data: options } = await passkeysRegistrationOptions({ client: auth.client, throwOnError: true });
  const authenticator = new SoftwareAuthenticator();
  await passkeysRegister({ client: auth.client, body: { attestation: authenticator.create(options as CreationOptionsJson) }, throwOnError: true });
  return { email, authenticator };
}
