import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** tests/TestIdp: the real OpenID Provider (oidc-provider) the service's own tests sign in at. */
const directory = resolve('../../tests/TestIdp');

/** The provider's id in the service's settings, and the return page the tests come back to. */
export const providerId = 'testidp';
export const returnUrl = 'http://localhost:5173/external';

export interface TestIdp {
  issuer: string;
  /** The service settings (environment variables) that make it a client of this provider. */
  settings: Record<string, string>;
  stop(): Promise<void>;
}

export interface IdpUser {
  sub: string;
  email: string;
  emailVerified?: boolean;
  name?: string;
}

/**
 * Starts the provider on a free port of 127.0.0.1 with one client whose loopback redirect URI matches any port
 * (RFC 8252), as tests/Auth.IntegrationTests/Support/TestIdentityProvider.cs does; `npm ci` there first if needed.
 */
export async function startTestIdp(): Promise<TestIdp> {
  installOnce();
  const port = await freePort();
  const clientId = 'auth-client-tests';
  const clientSecret = randomBytes(24).toString('base64url');
  const child = spawn('node', ['server.mjs', '--port', `${port}`, '--client-id', clientId,
    '--redirect-uri', `http://127.0.0.1/auth/external/${providerId}/callback`], {
    cwd: directory,
    stdio: ['ignore', 'pipe', 'pipe'],
    // The secret goes by the environment, not the command line.
    env: { ...process.env, CLIENT_SECRET: clientSecret },
  });
  const issuer = `http://127.0.0.1:${port}`;
  await new Promise<void>((ready, reject) => {
    let output = '';
    const deadline = setTimeout(() => reject(new Error(`the test provider did not start within 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('READY ')) {
        clearTimeout(deadline);
        ready();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(deadline);
      reject(new Error(`the test provider exited with ${code}:\n${output}`));
    });
  });

  return {
    issuer,
    settings: {
      [`ExternalProviders__${providerId}__Authority`]: issuer,
      [`ExternalProviders__${providerId}__ClientId`]: clientId,
      [`ExternalProviders__${providerId}__ClientSecret`]: clientSecret,
      [`ExternalProviders__${providerId}__DisplayName`]: 'Test IdP',
      ExternalSignIn__ReturnOrigins__0: new URL(returnUrl).origin,
    },
    stop: () => stopProcess(child),
  };
}

/**
 * The browser's part between the service's start (or link) URL and the return page, without a browser: follows the
 * redirects to the provider, fills in its login form as `user` (or presses Cancel), follows the provider back to the
 * service's callback, and returns where the callback sends the browser (the return page, with its query).
 */
export async function signInAtProvider(startUrl: string, user: IdpUser, cancel = false): Promise<string> {
  const cookies = new Map<string, string>();
  let url = startUrl;
  let form: URLSearchParams | undefined;
  for (let hops = 0; hops < 12; hops++) {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      body: form,
      redirect: 'manual',
      headers: cookies.size > 0 ? { Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {},
    });
    form = undefined;
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const separator = pair.indexOf('=');
      cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1));
    }

    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, url).href;
      if (next.startsWith(returnUrl)) {
        return next;
      }

      url = next;
      continue;
    }

    const page = await response.text();
    const action = /<form method="post" action="([^"]+)">/.exec(page);
    if (response.status !== 200 || !action) {
      throw new Error(`${url} answered ${response.status} without a way on:\n${page}`);
    }

    url = new URL(action[1], url).href;
    form = new URLSearchParams(cancel
      ? { action: 'cancel' }
      : { action: 'login', sub: user.sub, email: user.email, ...(user.emailVerified === false ? {} : { email_verified: 'true' }), ...(user.name ? { name: user.name } : {}) });
  }

  throw new Error(`more than 12 redirects from ${startUrl}`);
}

let installed = false;

/** `npm ci` in tests/TestIdp when its packages are missing or older than its lock file. */
function installOnce(): void {
  const stamp = resolve(directory, 'node_modules', '.package-lock.json');
  if (installed || (existsSync(stamp) && statSync(stamp).mtimeMs >= statSync(resolve(directory, 'package-lock.json')).mtimeMs)) {
    installed = true;
    return;
  }

  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: directory, encoding: 'utf8' });
  if (npm.status !== 0) {
    throw new Error(`npm ci in ${directory} failed:\n${npm.stdout}\n${npm.stderr}`);
  }

  installed = true;
}

function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) {
    return Promise.resolve();
  }

  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}
