import { authLogin, authLogout, authRefresh, authSignup, mfaVerify, passkeysSignIn } from '../../../clients/typescript/src/index.js';
import { client } from '../../../clients/typescript/src/client.gen.js';
import type { AuthResponse, UserResponse } from '../../../clients/typescript/src/index.js';
import type { SampleConfig } from './config.js';

/** What every call of the generated client returns when it does not throw. */
interface CallResult<T> {
  data?: T;
  error?: unknown;
  response?: Response;
}

const storedRefreshToken = 'auth-sample.refreshToken';
const cookieSessionFlag = 'auth-sample.cookieSession';
// Kept across sign-outs: it makes this browser a known device, which failed guesses elsewhere cannot lock out.
const storedDeviceToken = 'auth-sample.deviceToken';

/**
 * Holds the access token in memory only (never in storage a script could read later) and keeps it fresh:
 * renewed shortly before it expires, and once more when a call still gets a 401. When renewal fails the session is
 * over and `onSignedOut` runs.
 *
 * The refresh token lives where the service's transport puts it: in body mode in localStorage (readable by any
 * script on this origin, the price of that mode), in cookie mode in an HttpOnly cookie this code never sees.
 */
export class Session {
  private accessToken: string | undefined;
  private renewTimer: number | undefined;
  private renewing: Promise<boolean> | undefined;

  constructor(
    private readonly config: SampleConfig,
    private readonly onSignedOut: (reason: string) => void,
    private readonly onRenewed: () => void,
  ) {
    const cookie = config.refreshTokenTransport === 'cookie';
    client.setConfig({
      baseUrl: config.apiBaseUrl,
      auth: () => this.accessToken,
      // Cookie mode: send the refresh cookie cross-origin, and the header the service requires on cookie calls.
      credentials: cookie ? 'include' : 'same-origin',
      headers: cookie ? { 'X-Requested-With': 'fetch' } : {},
    });
  }

  get signedIn(): boolean {
    return this.accessToken !== undefined;
  }

  /** True when a refresh token from an earlier visit may still be around (for a reload). */
  get mayResume(): boolean {
    return this.config.refreshTokenTransport === 'cookie'
      ? localStorage.getItem(cookieSessionFlag) === '1'
      : localStorage.getItem(storedRefreshToken) !== null;
  }

  async signUp(name: string, email: string, password: string): Promise<CallResult<AuthResponse>> {
    return this.start(await authSignup({ body: { name, email, password } }));
  }

  async logIn(email: string, password: string): Promise<CallResult<AuthResponse>> {
    // Cookie mode: the browser sends the HttpOnly device cookie by itself.
    const deviceToken = localStorage.getItem(storedDeviceToken) ?? undefined;
    const result = await authLogin({ body: { email, password }, headers: { 'X-Device-Token': deviceToken } });
    if (result.data?.deviceToken) {
      localStorage.setItem(storedDeviceToken, result.data.deviceToken);
    }

    return this.start(result);
  }

  /** The second step of a sign-in that answered 403 mfa_required: the mfaToken and a code, a recovery code or a passkey's assertion. */
  async verifyMfa(mfaToken: string, code?: string, recoveryCode?: string, assertion?: unknown): Promise<CallResult<AuthResponse>> {
    return this.start(await mfaVerify({ body: { mfaToken, code: code || undefined, recoveryCode: recoveryCode || undefined, assertion } }));
  }

  /** A passwordless sign-in: the challenge of POST /auth/passkeys/login/options and the browser's assertion. */
  async signInWithPasskey(challengeId: string, assertion: unknown): Promise<CallResult<AuthResponse>> {
    const deviceToken = localStorage.getItem(storedDeviceToken) ?? undefined;
    const result = await passkeysSignIn({ body: { challengeId, assertion }, headers: { 'X-Device-Token': deviceToken } });
    if (result.data?.deviceToken) {
      localStorage.setItem(storedDeviceToken, result.data.deviceToken);
    }

    return this.start(result);
  }

  /** Gets a new access token with the refresh token; concurrent callers share one request. */
  renew(): Promise<boolean> {
    this.renewing ??= this.refreshOnce().finally(() => (this.renewing = undefined));
    return this.renewing;
  }

  /**
   * Runs an authenticated call; on a 401 renews once and retries. When renewal fails the user is signed out and
   * the 401 result is returned.
   */
  async call<T>(send: () => Promise<CallResult<T>>): Promise<CallResult<T>> {
    const first = await send();
    if (first.response?.status !== 401) {
      return first;
    }

    return (await this.renew()) ? send() : first;
  }

  async logOut(scope: 'local' | 'global'): Promise<void> {
    await this.call(() => authLogout({ body: { scope } }));
    this.end('Logged out.');
  }

  end(reason: string): void {
    window.clearTimeout(this.renewTimer);
    this.accessToken = undefined;
    localStorage.removeItem(storedRefreshToken);
    localStorage.removeItem(cookieSessionFlag);
    this.onSignedOut(reason);
  }

  private async refreshOnce(): Promise<boolean> {
    const stored = localStorage.getItem(storedRefreshToken);
    try {
      const result = this.config.refreshTokenTransport === 'cookie'
        ? await authRefresh({})
        : await authRefresh({ body: { refreshToken: stored } });
      if (result.data) {
        this.keep(result.data);
        this.onRenewed();
        return true;
      }
    } catch {
      // A network failure ends the session like a refused token: the user signs in again.
    }

    this.end('Your session ended. Please log in again.');
    return false;
  }

  private start(result: CallResult<AuthResponse>): CallResult<AuthResponse> {
    if (result.data) {
      this.keep(result.data);
    }

    return result;
  }

  private keep(auth: AuthResponse): void {
    this.accessToken = auth.accessToken;
    if (auth.refreshToken) {
      localStorage.setItem(storedRefreshToken, auth.refreshToken);
    } else {
      localStorage.setItem(cookieSessionFlag, '1');
    }

    // Renew a little before expiry (a fifth of the lifetime, at most a minute), so no call meets an expired token.
    const margin = Math.min(60, auth.expiresIn / 5);
    window.clearTimeout(this.renewTimer);
    this.renewTimer = window.setTimeout(() => void this.renew(), Math.max(1, auth.expiresIn - margin) * 1000);
  }
}

export type { UserResponse };
