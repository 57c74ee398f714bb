import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mfaConfirmTotp, mfaStartTotp } from '@auth/client';
import { newClient, newEmail, password } from './support/clients.js';
import { startService, type Service } from './support/service.js';
import { totp } from './support/tokens.js';

describe('createAuthClient, second step of a sign-in', () => {
  let service: Service;
  before(async () => {
    service = await startService();
  });
  after(async () => {
    await service?.stop();
  });

  test('the TOTP helper gives RFC 6238\'s SHA-1 test vector (its last 6 digits)', () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // base32 of "12345678901234567890"

    assert.equal(totp(secret, 59_000), '287082');
    assert.equal(totp(secret, 1_111_111_109_000), '081804');
  });

  test('login answers mfa_required with the factors, and verifyMfa with a code starts an aal2 session', async () => {
    const { email, secret } = await accountWithAuthenticator(service);
    const { auth } = newClient(service);

    const first = await auth.login({ email, password });
    assert.equal(first.status, 'mfa_required');
    assert.equal(auth.signedIn, false);
    assert.ok(first.status === 'mfa_required' && first.factors.includes('totp'));
    // The next step's code: the one just used to confirm the enrolment cannot be replayed.
    await auth.verifyMfa({ mfaToken: first.mfaToken, code: totp(secret, Date.now() + 30_000) });
    const user = await auth.user();

    assert.equal(auth.signedIn, true);
    assert.equal(user.email, email);
    assert.equal(user.session?.aal, 'aal2');
  });

  test('a wrong code is refused and the session does not start', async () => {
    const { email, secret } = await accountWithAuthenticator(service);
    const { auth } = newClient(service);
    const first = await auth.login({ email, password });
    assert.ok(first.status === 'mfa_required');
    const accepted = [-30_000, 0, 30_000].map((drift) => totp(secret, Date.now() + drift));
    const wrong = ['000000', '111111', '222222', '333333'].find((code) => !accepted.includes(code))!;

    await assert.rejects(auth.verifyMfa({ mfaToken: first.mfaToken, code: wrong }), { status: 401, code: 'invalid_mfa_code' });
    assert.equal(auth.signedIn, false);
  });
});

/** An account with an authenticator app enrolled (and confirmed with the current code), as its owner would do it. */
async function accountWithAuthenticator(service: Service): Promise<{ email: string; secret: string }> {
  const email = newEmail();
  const { auth } = newClient(service);
  await auth.signup({ email, password, name: 'Ada' });
  const { data: enrolment } = await mfaStartTotp({ client: auth.client, body: { currentPassword: password }, throwOnError: true });
  await mfaConfirmTotp({ client: auth.client, body: { code: totp(enrolment.secret) }, throwOnError: true });
  return { email, secret: enrolment.secret };
}
