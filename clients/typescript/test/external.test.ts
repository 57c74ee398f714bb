import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { mfaConfirmTotp, mfaStartTotp } from '@auth/client';
import { newClient, newEmail, password } from './support/clients.js';
import { startService, type Service } from './support/service.js';
import { providerId, returnUrl, signInAtProvider, startTestIdp, type IdpUser, type TestIdp } from './support/test-idp.js';
import { totp } from './support/tokens.js';

describe('createAuthClient, sign-in with an external provider (the real test OpenID Provider)', () => {
  let idp: TestIdp;
  let service: Service;
  before(async () => {
    idp = await startTestIdp();
    service = await startService(idp.settings);
  });
  after(async () => {
    await service?.stop();
    await idp?.stop();
  });

  test('listProviders names the configured provider; startExternalSignIn navigates to its start URL with the return page', async () => {
    const { auth } = newClient(service);
    const navigated: string[] = [];

    const providers = await auth.listProviders();
    const url = await auth.startExternalSignIn(providerId, returnUrl, (to) => navigated.push(to));

    assert.deepEqual(providers.map((p) => [p.id, p.displayName]), [[providerId, 'Test IdP']]);
    assert.deepEqual(navigated, [url]);
    const started = new URL(url);
    assert.equal(`${started.origin}${started.pathname}`, `${service.baseUrl}/auth/external/${providerId}/start`);
    assert.equal(started.searchParams.get('returnUrl'), returnUrl);
    assert.match(started.searchParams.get('codeChallenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
  });

  test('a return page forwarded to another client signs it in to no one, and spends the code', async () => {
    const { auth: sender } = newClient(service);
    const back = await signInAtProvider(await sender.startExternalSignIn(providerId, returnUrl, ignore), newIdpUser());
    const { auth: victim, wire } = newClient(service);

    await assert.rejects(victim.completeExternalSignIn(back), { status: 400, code: 'invalid_exchange_code' });
    await assert.rejects(sender.completeExternalSignIn(back), { status: 400, code: 'invalid_exchange_code' });
    assert.equal(wire.count('POST /auth/external/exchange'), 1);
    assert.equal(victim.signedIn, false);
    assert.equal(sender.signedIn, false);
  });

  test('a first sign-in makes an account and starts its session; the second finds the same account', async () => {
    const user = newIdpUser();
    const { auth, wire } = newClient(service);

    const first = await auth.completeExternalSignIn(await signInAtProvider(await auth.startExternalSignIn(providerId, returnUrl, ignore), user));
    const me = await auth.user();
    const { auth: again } = newClient(service);
    const second = await again.completeExternalSignIn(await signInAtProvider(await again.startExternalSignIn(providerId, returnUrl, ignore), user));

    assert.equal(first.status, 'signed_in');
    assert.ok(first.status === 'signed_in' && first.provider === providerId && first.auth.user.email === user.email);
    assert.equal(auth.signedIn, true);
    assert.equal(me.email, user.email);
    assert.equal(me.emailConfirmed, true);
    assert.deepEqual(me.session?.amr?.slice(0, 1), ['ext']);
    assert.equal(wire.count('POST /auth/external/exchange'), 1);
    assert.ok(second.status === 'signed_in');
    assert.equal(second.auth.user.id, me.id);
  });

  test('the return page\'s code works once: completing the same page again throws invalid_exchange_code', async () => {
    const { auth } = newClient(service);
    const back = await signInAtProvider(await auth.startExternalSignIn(providerId, returnUrl, ignore), newIdpUser());
    await auth.completeExternalSignIn(new URL(back));
    const { auth: replay } = newClient(service);

    await assert.rejects(replay.completeExternalSignIn({ href: back }), { status: 400, code: 'invalid_exchange_code' });
    assert.equal(replay.signedIn, false);
  });

  test('a cancel at the provider comes back as an error code, with no exchange and no session', async () => {
    const { auth, wire } = newClient(service);
    const back = await signInAtProvider(await auth.startExternalSignIn(providerId, returnUrl, ignore), newIdpUser(), true);

    const result = await auth.completeExternalSignIn(back);

    assert.deepEqual(result, { status: 'error', code: 'external_sign_in_cancelled', provider: providerId });
    assert.equal(wire.count('POST /auth/external/exchange'), 0);
    assert.equal(auth.signedIn, false);
  });

  test('a page without code, error or linked is none, and asks nothing', async () => {
    const { auth, wire } = newClient(service);

    assert.deepEqual(await auth.completeExternalSignIn(returnUrl), { status: 'none' });
    assert.equal(wire.requests.length, 0);
  });

  test('an address that already has an account is not joined: external_account_exists, no session', async () => {
    const email = newEmail();
    await newClient(service).auth.signup({ email, password, name: 'Ada' });
    const { auth } = newClient(service);
    const back = await signInAtProvider(await auth.startExternalSignIn(providerId, returnUrl, ignore), { ...newIdpUser(), email });

    await assert.rejects(auth.completeExternalSignIn(back), { status: 409, code: 'external_account_exists' });
    assert.equal(auth.signedIn, false);
  });

  test('a password account links the provider, lists it, signs in with it, and unlinks it', async () => {
    const email = newEmail();
    const { auth } = newClient(service);
    await auth.signup({ email, password, name: 'Ada' });
    const user = { ...newIdpUser(), email };
    const navigated: string[] = [];

    const authorizationUrl = await auth.linkProvider(providerId, returnUrl, (to) => navigated.push(to));
    const linked = await auth.completeExternalSignIn(await signInAtProvider(authorizationUrl, user));
    const identities = await auth.listIdentities();
    const { auth: elsewhere } = newClient(service);
    const signedIn = await elsewhere.completeExternalSignIn(await signInAtProvider(await elsewhere.startExternalSignIn(providerId, returnUrl, ignore), user));
    await auth.unlinkIdentity(identities[0].id);

    assert.deepEqual(navigated, [authorizationUrl]);
    assert.ok(authorizationUrl.startsWith(`${idp.issuer}/`));
    assert.deepEqual(linked, { status: 'linked', provider: providerId });
    assert.deepEqual(identities.map((i) => [i.provider, i.email]), [[providerId, email]]);
    assert.ok(signedIn.status === 'signed_in' && signedIn.auth.user.email === email);
    assert.deepEqual(await auth.listIdentities(), []);
  });

  test('the only way into an account cannot be unlinked: last_sign_in_method', async () => {
    const { auth } = newClient(service);
    await auth.completeExternalSignIn(await signInAtProvider(await auth.startExternalSignIn(providerId, returnUrl, ignore), newIdpUser()));
    const [identity] = await auth.listIdentities();

    await assert.rejects(auth.unlinkIdentity(identity.id), { status: 409, code: 'last_sign_in_method' });
    assert.equal((await auth.listIdentities()).length, 1);
  });

  test('an account with an authenticator app asks for it after the provider, and verifyMfa starts an aal2 session', async () => {
    const email = newEmail();
    const { auth: owner } = newClient(service);
    await owner.signup({ email, password, name: 'Ada' });
    const user = { ...newIdpUser(), email };
    await owner.completeExternalSignIn(await signInAtProvider(await owner.linkProvider(providerId, returnUrl, ignore), user));
    const { data: enrolment } = await mfaStartTotp({ client: owner.client, body: { currentPassword: password }, throwOnError: true });
    await mfaConfirmTotp({ client: owner.client, body: { code: totp(enrolment.secret) }, throwOnError: true });
    const { auth } = newClient(service);

    const first = await auth.completeExternalSignIn(await signInAtProvider(await auth.startExternalSignIn(providerId, returnUrl, ignore), user));
    assert.equal(first.status, 'mfa_required');
    assert.equal(auth.signedIn, false);
    assert.ok(first.status === 'mfa_required' && first.factors.includes('totp') && first.provider === providerId);
    await auth.verifyMfa({ mfaToken: first.mfaToken, code: totp(enrolment.secret, Date.now() + 30_000) });
    const me = await auth.user();

    assert.equal(me.email, email);
    assert.equal(me.session?.aal, 'aal2');
  });
});

describe('createAuthClient, external sign-in in cookie mode', () => {
  let idp: TestIdp;
  let service: Service;
  before(async () => {
    idp = await startTestIdp();
    service = await startService({ ...idp.settings, Auth__RefreshTokenTransport: 'cookie' });
  });
  after(async () => {
    await service?.stop();
    await idp?.stop();
  });

  test('the exchange sets the refresh cookie, so a resume after a reload finds the session', async () => {
    const { auth, wire } = newClient(service, { transport: 'cookie' });
    const user = newIdpUser();

    const result = await auth.completeExternalSignIn(await signInAtProvider(await auth.startExternalSignIn(providerId, returnUrl, ignore), user));
    const { auth: reloaded } = newClient(service, { transport: 'cookie', fetch: wire.fetch });

    assert.ok(result.status === 'signed_in' && result.auth.refreshToken == null);
    assert.ok(wire.cookie('auth_refresh'));
    assert.equal(await reloaded.resume(), true);
    assert.equal((await reloaded.user()).email, user.email);
  });
});

function newIdpUser(): IdpUser {
  return { sub: `sub-${randomUUID()}`, email: newEmail(), name: 'Ada Lovelace' };
}

function ignore(): void {}
