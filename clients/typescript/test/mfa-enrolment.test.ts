import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mfaStartTotp } from '@auth/client';
import { newClient, newEmail, password } from './support/clients.js';
import { startService, type Service } from './support/service.js';
import { totp } from './support/tokens.js';

describe('createAuthClient, a sign-in whose role requires a second factor', () => {
  let service: Service;
  before(async () => {
    // Every account holds the role 'user': each must enrol before it can sign in.
    service = await startService({ Auth__Mfa__RequiredForRoles__0: 'user' });
  });
  after(async () => {
    await service?.stop();
  });

  test('login answers mfa_enrollment_required; confirmTotpEnrolment with the mfaToken starts the session', async () => {
    const email = newEmail();
    await newClient(service).auth.signup({ email, password, name: 'Ada' });
    const { auth } = newClient(service);

    const first = await auth.login({ email, password });
    assert.ok(first.status === 'mfa_enrollment_required', first.status);
    assert.equal(auth.signedIn, false);
    const { data: enrolment } = await mfaStartTotp({ client: auth.client, body: { mfaToken: first.mfaToken }, throwOnError: true });
    const confirmed = await auth.confirmTotpEnrolment({ mfaToken: first.mfaToken, code: totp(enrolment.secret) });

    assert.equal(confirmed.recoveryCodes.length, 10);
    assert.equal(auth.signedIn, true);
    const user = await auth.user();
    assert.equal(user.email, email);
    assert.equal(user.mfaEnabled, true);
    assert.equal(user.session?.aal, 'aal2');
    // The session's refresh token was kept, as for any sign-in.
    assert.equal(await auth.refresh(), true);
  });

  test('a wrong first code is refused and the session does not start', async () => {
    const email = newEmail();
    await newClient(service).auth.signup({ email, password, name: 'Ada' });
    const { auth } = newClient(service);
    const first = await auth.login({ email, password });
    assert.ok(first.status === 'mfa_enrollment_required');
    const { data: enrolment } = await mfaStartTotp({ client: auth.client, body: { mfaToken: first.mfaToken }, throwOnError: true });
    const accepted = [-30_000, 0, 30_000].map((drift) => totp(enrolment.secret, Date.now() + drift));
    const wrong = ['000000', '111111', '222222', '333333'].find((code) => !accepted.includes(code))!;

    await assert.rejects(auth.confirmTotpEnrolment({ mfaToken: first.mfaToken, code: wrong }), { status: 401, code: 'invalid_mfa_code' });
    assert.equal(auth.signedIn, false);
  });
});
