import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AuthApiError, createAuthClient } from '@auth/client';
import { newClient, newEmail, password } from './support/clients.js';
import { startService, type Service } from './support/service.js';
import { resignedToken } from './support/tokens.js';

describe('createAuthClient, cookie transport (Auth:RefreshTokenTransport=cookie)', () => {
  let service: Service;
  before(async () => {
    service = await startService({ Auth__RefreshTokenTransport: 'cookie' });
  });
  after(async () => {
    await service?.stop();
  });

  test('the refresh token stays in the HttpOnly cookie, and an expired access token is renewed through it', async () => {
    const { auth, wire } = newClient(service, { transport: 'cookie' });
    const { accessToken, refreshToken } = await auth.signup({ email: newEmail(), password, name: 'Ada' });
    const firstCookie = wire.cookie('auth_refresh');
    wire.replacedTokens.set(accessToken, resignedToken(accessToken, service.signingKey, -60));
    wire.requests.length = 0;

    const users = await Promise.all([auth.user(), auth.user(), auth.user()]);

    assert.equal(refreshToken ?? undefined, undefined, 'not in the JSON');
    assert.ok(firstCookie);
    assert.equal(users.length, 3);
    assert.equal(wire.count('POST /auth/refresh'), 1);
    assert.notEqual(wire.cookie('auth_refresh'), firstCookie, 'the refresh set the next cookie');
  });

  test('login, then logout everywhere from another client: onSessionEnded runs here and the cookie is cleared', async () => {
    const email = newEmail();
    const here = newClient(service, { transport: 'cookie' });
    await here.auth.signup({ email, password, name: 'Ada' });
    const elsewhere = newClient(service, { transport: 'cookie' });
    assert.equal((await elsewhere.auth.login({ email, password })).status, 'signed_in');

    await elsewhere.auth.logout('global');
    const refused = await here.auth.user().catch((e: unknown) => e);

    assert.ok(refused instanceof AuthApiError);
    assert.equal(here.ended.length, 1);
    assert.equal(here.auth.signedIn, false);
    assert.equal(here.wire.cookie('auth_refresh'), undefined, 'a refused cookie is cleared');
  });

  test('resume() after a reload renews the session from the cookie; without the cookie it finds none', async () => {
    const first = newClient(service, { transport: 'cookie' });
    const email = newEmail();
    await first.auth.signup({ email, password, name: 'Ada' });
    // The same browser after a reload: the cookie is still there, the access token (in memory) is gone.
    const reloaded = createAuthClient({ baseUrl: service.baseUrl, transport: 'cookie', fetch: first.wire.fetch });
    const stranger = newClient(service, { transport: 'cookie' });

    assert.equal(await reloaded.resume(), true);
    assert.equal((await reloaded.user()).email, email);
    assert.equal(await stranger.auth.resume(), false);
    assert.deepEqual(stranger.ended, [], 'no session here, so none ended');
  });
});
