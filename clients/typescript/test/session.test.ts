import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AuthApiError, memoryStorage } from '@auth/client';
import { newClient, newEmail, oneAccountTwoClients, password } from './support/clients.js';
import { startService, type Service } from './support/service.js';
import { resignedToken } from './support/tokens.js';

describe('createAuthClient, body transport, against the real service', () => {
  let service: Service;
  before(async () => {
    service = await startService();
  });
  after(async () => {
    await service?.stop();
  });

  test('signup starts a session and user() returns the new account', async () => {
    const { auth } = newClient(service);
    const email = newEmail();

    const started = await auth.signup({ email, password, name: 'Ada' });
    const user = await auth.user();

    assert.equal(auth.signedIn, true);
    assert.ok(started.refreshToken, 'body mode returns the refresh token');
    assert.equal(user.email, email);
    assert.equal(user.name, 'Ada');
  });

  test('login with the password signs in; a wrong password throws invalid_credentials', async () => {
    const email = newEmail();
    await newClient(service).auth.signup({ email, password, name: 'Ada' });
    const { auth } = newClient(service);

    const refused = await auth.login({ email, password: 'not the password' }).catch((e: unknown) => e);
    const result = await auth.login({ email, password });

    assert.ok(refused instanceof AuthApiError);
    assert.equal(refused.status, 401);
    assert.equal(refused.code, 'invalid_credentials');
    assert.equal(result.status, 'signed_in');
    assert.equal((await auth.user()).email, email);
  });

  test('an expired access token is renewed with one refresh and the call is sent again', async () => {
    const { auth, wire } = newClient(service);
    const { accessToken } = await auth.signup({ email: newEmail(), password, name: 'Ada' });
    const expired = resignedToken(accessToken, service.signingKey, -60);
    // The copy differs from the original only in its times: the service takes it while valid, refuses it once expired.
    assert.equal((await getUser(service, resignedToken(accessToken, service.signingKey, 300))).status, 200);
    assert.equal((await getUser(service, expired)).status, 401);
    wire.replacedTokens.set(accessToken, expired);
    wire.requests.length = 0;

    const user = await auth.user();

    assert.ok(user.id);
    assert.deepEqual(wire.requests, ['GET /auth/user', 'POST /auth/refresh', 'GET /auth/user']);
  });

  test('concurrent calls that meet an expired token share a single refresh', async () => {
    const { auth, wire } = newClient(service);
    const { accessToken } = await auth.signup({ email: newEmail(), password, name: 'Ada' });
    wire.replacedTokens.set(accessToken, resignedToken(accessToken, service.signingKey, -60));
    wire.requests.length = 0;

    const users = await Promise.all(Array.from({ length: 8 }, () => auth.user()));

    assert.equal(users.length, 8);
    assert.equal(wire.count('POST /auth/refresh'), 1);
    assert.equal(wire.count('GET /auth/user'), 16, 'each call: once refused, once sent again with the new token');
  });

  test('logout everywhere from another client ends this session: the call fails and onSessionEnded runs', async () => {
    const { email, here, other: elsewhere } = await oneAccountTwoClients(service);

    await elsewhere.auth.logout('global');
    const refused = await here.auth.user().catch((e: unknown) => e);

    assert.ok(refused instanceof AuthApiError);
    assert.equal(refused.status, 401);
    assert.equal(here.ended.length, 1);
    assert.equal(here.ended[0].code, 'invalid_refresh_token');
    assert.equal(here.auth.signedIn, false);
    assert.deepEqual(elsewhere.ended, [], 'a client\'s own logout is not reported as an ended session');
    assert.equal(elsewhere.auth.signedIn, false);
    await here.auth.logout(); // nothing left to end: resolves, as the user asked to be signed out
  });

  test('logout of the others keeps this session and ends the other one', async () => {
    const { email, here, other } = await oneAccountTwoClients(service);

    await here.auth.logout('others');

    assert.equal(here.auth.signedIn, true);
    assert.equal((await here.auth.user()).email, email);
    await assert.rejects(other.auth.user(), { status: 401, code: 'invalid_token' });
    assert.equal(other.ended.length, 1);
  });

  test('sessions() pages the sessions with the current one marked; endSession ends the other', async () => {
    const { here, other } = await oneAccountTwoClients(service);

    const page = await here.auth.sessions();
    const firstOfOne = await here.auth.sessions({ query: { pageSize: 1 } });
    const otherSession = page.items?.find((s) => !s.current);
    await here.auth.endSession(otherSession!.id);

    assert.equal(page.total, 2);
    assert.equal(page.items?.filter((s) => s.current).length, 1);
    assert.equal(firstOfOne.items?.length, 1);
    assert.equal(firstOfOne.total, 2);
    await assert.rejects(other.auth.user(), AuthApiError);
    assert.equal(other.ended.length, 1);
    assert.equal((await here.auth.sessions()).total, 1);
  });

  test('a new client over the same storage resumes the session; after logout there is nothing to resume', async () => {
    const storage = memoryStorage();
    const email = newEmail();
    await newClient(service, { storage }).auth.signup({ email, password, name: 'Ada' });
    const reloaded = newClient(service, { storage });

    assert.equal(await reloaded.auth.resume(), true);
    assert.equal((await reloaded.auth.user()).email, email);
    await reloaded.auth.logout();
    const again = newClient(service, { storage });

    assert.equal(await again.auth.resume(), false);
    assert.deepEqual(again.wire.requests, [], 'no stored refresh token, no request');
    assert.deepEqual(reloaded.ended, []);
  });
});

function getUser(service: Service, accessToken: string): Promise<Response> {
  return fetch(`${service.baseUrl}/auth/user`, { headers: { Authorization: `Bearer ${accessToken}` } });
}
