import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The real service, started from its build output on a port of its own choosing, over a fresh SQLite file. */
export interface Service {
  baseUrl: string;
  /** The HS256 secret the service signs access tokens with, so a test can make an expired copy of one. */
  signingKey: string;
  stop(): Promise<void>;
}

// npm test runs in clients/typescript; CI builds the service (Debug) before the package's tests.
const defaultDll = resolve('../../src/Auth.Api/bin/Debug/net10.0/Auth.Api.dll');

/**
 * Starts Auth.Api as `dotnet run` would in Development, with the settings the .NET browser tests use
 * (tests/Auth.BrowserTests/Support/KestrelApi.cs): cheap password hashing, no rate limit, mail written to a folder.
 */
export async function startService(settings: Record<string, string> = {}): Promise<Service> {
  const dll = process.env.AUTH_API_DLL ?? defaultDll;
  if (!existsSync(dll)) {
    throw new Error(`${dll} is missing: build the service first (dotnet build src/Auth.Api), or set AUTH_API_DLL.`);
  }

  const directory = mkdtempSync(join(tmpdir(), 'auth-client-tests-'));
  const signingKey = randomBytes(32).toString('base64url');
  const child = spawn('dotnet', [dll], {
    cwd: dirname(dll),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      ASPNETCORE_URLS: 'http://127.0.0.1:0',
      DOTNET_NOLOGO: '1',
      ConnectionStrings__Auth: `Data Source=${join(directory, 'auth.db')}`,
      Jwt__Algorithm: 'HS256',
      Jwt__SigningKey: signingKey,
      Jwt__ClockSkew: '00:00:00',
      Auth__Mfa__EncryptionKeyFile: join(directory, 'mfa-encryption.key'),
      Auth__Mfa__RequiredForRoles__0: '',
      PasswordHashing__MemoryKiB: '7168',
      PasswordHashing__Iterations: '5',
      RateLimiting__Enabled: 'false',
      Email__Transport: 'Pickup',
      Email__PickupDirectory: join(directory, 'mail'),
      Logging__LogLevel__Default: 'Warning',
      'Logging__LogLevel__Microsoft.Hosting.Lifetime': 'Information',
      ...settings,
    },
  });

  let output = '';
  const baseUrl = await new Promise<string>((resolveUrl, reject) => {
    const deadline = setTimeout(() => reject(new Error(`the service did not start within 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Now listening on: (http:\/\/\S+)/.exec(output);
      if (listening) {
        clearTimeout(deadline);
        resolveUrl(listening[1]);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(deadline);
      reject(new Error(`the service exited with ${code}:\n${output}`));
    });
  });

  return {
    baseUrl,
    signingKey,
    stop: async () => {
      await stopProcess(child);
      rmSync(directory, { recursive: true, force: true });
    },
  };
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
