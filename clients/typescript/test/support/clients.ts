import { createAuthClient, type AuthApiError, type AuthClient, type AuthClientOptions } from '@auth/client';
import { RecordingFetch } from './recording-fetch.js';
import type { Service } from './service.js';

export const password = 'correct horse battery staple';

let accounts = 0;

/** An address no other test uses. */
export function newEmail(): string {
  accounts += 1;
  return `client-${process.pid}-${accounts}@example.com`;
}

export interface TestClient {
  auth: AuthClient;
  wire: RecordingFetch;
  /** Each onSessionEnded call, in order. */
  ended: AuthApiError[];
}

/** A client of `service` whose requests the test sees, as a second browser or device would be. */
export function newClient(service: Service, options: Partial<AuthClientOptions> = {}): TestClient {
  const wire = new RecordingFetch(options.transport === 'cookie');
  const ended: AuthApiError[] = [];
  const auth = createAuthClient({
    baseUrl: service.baseUrl,
    fetch: wire.fetch,
    onSessionEnded: (reason) => ended.push(reason),
    ...options,
  });
  return { auth, wire, ended };
}

/** An account signed up by `here` and signed in by `other`: two sessions, as two devices would hold. */
export async function oneAccountTwoClients(service: Service): Promise<{ email: string; here: TestClient; other: TestClient }> {
  const email = newEmail();
  const here = newClient(service);
  await here.auth.signup({ email, password, name: 'Ada' });
  const other = newClient(service);
  await other.auth.login({ email, password });
  return { email, here, other };
}
