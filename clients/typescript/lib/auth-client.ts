import { createClient, createConfig, type Client } from '../src/client/index.js';
import {
  authLogin, authLogout, authRefresh, authSignup, externalSignInExchange, externalSignInProviders, externalSignInStartLink,
  identitiesList, identitiesUnlink, mfaConfirmTotp, mfaVerify, passkeysSignIn, passkeysSignInOptions, sessionsEnd, sessionsList,
  userGet, type AuthResponse, type ExternalIdentityResponse, type ExternalProviderResponse, type LoginRequest, type MfaProblemDetails,
  type Options, type PasskeySignInOptionsResponse, type SessionsListData, type SessionsListResponse, type SignupRequest,
  type UserResponse, type VerifyMfaRequest,
} from '../src/index.js';
import type {
  AuthClient, AuthClientOptions, ExternalSignInResult, LoginResult, LogoutScope, Navigate, PasskeyCredentialJson,
} from './auth-client-types.js';
import { AuthApiError, toError, unwrap, type CallResult } from './errors.js';
import { memoryStorage, type TokenStorage } from './storage.js';

export function createAuthClient(options: AuthClientOptions): AuthClient {
  return new RefreshingAuthClient(options);
}

class RefreshingAuthClient implements AuthClient {
  readonly client: Client;
  private readonly cookie: boolean;
  private readonly storage: TokenStorage;
  private readonly flowStorage: TokenStorage;
  private readonly keys: { refreshToken: string; deviceToken: string; externalVerifier: string };
  private readonly send: (request: Request) => Promise<Response>;
  private accessToken: string | undefined;
  private renewing: Promise<boolean> | undefined;

  constructor(private readonly options: AuthClientOptions) {
    this.cookie = options.transport === 'cookie';
    this.storage = options.storage ?? memoryStorage();
    const prefix = options.storageKey ?? 'auth';
    this.keys = {
      refreshToken: `${prefix}.refreshToken`,
      deviceToken: `${prefix}.deviceToken`,
      externalVerifier: `${prefix}.externalVerifier`,
    };
    this.flowStorage = options.flowStorage ?? (globalThis as { sessionStorage?: TokenStorage }).sessionStorage ?? memoryStorage();
    this.send = options.fetch ?? ((request) => globalThis.fetch(request));
    this.client = createClient(createConfig({
      baseUrl: options.baseUrl,
      auth: () => this.accessToken,
      credentials: this.cookie ? 'include' : 'same-origin',
      headers: this.cookie ? { 'X-Requested-With': 'fetch' } : {},
      // The generated client hands fetch a Request; the signature is fetch's.
      fetch: (input: RequestInfo | URL, init?: RequestInit) =>
        this.fetchWithRefresh(input instanceof Request && init === undefined ? input : new Request(input, init)),
    }));
  }

  get signedIn(): boolean {
    return this.accessToken !== undefined;
  }

  async signup(body: SignupRequest): Promise<AuthResponse> {
    return this.keep(unwrap(await authSignup({ client: this.client, body })));
  }

  async login(body: LoginRequest): Promise<LoginResult> {
    return this.signIn(await authLogin({ client: this.client, body, headers: this.deviceHeader() }));
  }

  async listProviders(): Promise<ExternalProviderResponse[]> {
    return unwrap(await externalSignInProviders({ client: this.client }));
  }

  async startExternalSignIn(providerId: string, returnUrl: string, navigate: Navigate = browserNavigate): Promise<string> {
    const { verifier, challenge } = await newProofKey();
    this.flowStorage.setItem(this.keys.externalVerifier, verifier);
    // A navigation, not a fetch: the service answers with a redirect to the provider, whose pages the user sees.
    const url = new URL(`auth/external/${encodeURIComponent(providerId)}/start`, withSlash(this.options.baseUrl));
    url.searchParams.set('returnUrl', returnUrl);
    url.searchParams.set('codeChallenge', challenge);
    navigate(url.href);
    return url.href;
  }

  async completeExternalSignIn(location: string | URL | { href: string }): Promise<ExternalSignInResult> {
    const query = new URL(typeof location === 'string' ? location : location.href).searchParams;
    const provider = query.get('provider') ?? undefined;
    const error = query.get('error');
    if (error) {
      this.flowStorage.removeItem(this.keys.externalVerifier);
      return { status: 'error', code: error, provider };
    }

    const linked = query.get('linked');
    if (linked) {
      return { status: 'linked', provider: linked };
    }

    const code = query.get('code');
    if (!code) {
      return { status: 'none' };
    }

    // Once per start, whatever the answer. A page this tab did not start still sends a verifier (a random one, which
    // cannot match), so the forwarded code is spent and its sender cannot use it either.
    const kept = this.flowStorage.getItem(this.keys.externalVerifier);
    this.flowStorage.removeItem(this.keys.externalVerifier);
    const codeVerifier = kept ?? (await newProofKey()).verifier;
    const result = await externalSignInExchange({ client: this.client, body: { code, codeVerifier }, headers: this.deviceHeader() });
    return { ...(await this.signIn(result)), provider };
  }

  async linkProvider(providerId: string, returnUrl: string, navigate: Navigate = browserNavigate): Promise<string> {
    const started = unwrap(await externalSignInStartLink({ client: this.client, path: { provider: providerId }, body: { returnUrl } }));
    navigate(started.authorizationUrl);
    return started.authorizationUrl;
  }

  async listIdentities(): Promise<ExternalIdentityResponse[]> {
    return unwrap(await identitiesList({ client: this.client }));
  }

  async unlinkIdentity(id: string): Promise<void> {
    unwrap(await identitiesUnlink({ client: this.client, path: { id } }));
  }

  async passkeySignInOptions(email?: string): Promise<PasskeySignInOptionsResponse> {
    return unwrap(await passkeysSignInOptions({ client: this.client, body: email ? { email } : {} }));
  }

  async signInWithPasskey(challengeId: string, assertion: PasskeyCredentialJson): Promise<AuthResponse> {
    const result = await passkeysSignIn({ client: this.client, body: { challengeId, assertion }, headers: this.deviceHeader() });
    return this.keepDevice(unwrap(result));
  }

  async verifyMfa(body: VerifyMfaRequest): Promise<AuthResponse> {
    return this.keep(unwrap(await mfaVerify({ client: this.client, body })));
  }

  async confirmTotpEnrolment(body: { mfaToken: string; code: string }): Promise<{ recoveryCodes: string[]; auth: AuthResponse }> {
    const confirmed = unwrap(await mfaConfirmTotp({ client: this.client, body }));
    if (!confirmed.session) {
      // Only a Bearer confirmation answers without a session; with an mfaToken the service always starts one.
      throw new Error('The service confirmed the enrolment without starting a session.');
    }

    return { recoveryCodes: confirmed.recoveryCodes, auth: this.keepDevice(confirmed.session) };
  }

  async resume(): Promise<boolean> {
    // Cookie mode: only the service can tell whether the HttpOnly cookie is there, so it is asked.
    return (this.cookie || this.storage.getItem(this.keys.refreshToken) !== null) && this.refresh();
  }

  refresh(): Promise<boolean> {
    this.renewing ??= this.refreshOnce().finally(() => (this.renewing = undefined));
    return this.renewing;
  }

  async logout(scope: LogoutScope = 'local'): Promise<void> {
    const result = await authLogout({ client: this.client, body: { scope } });
    // A 401 here means the session had already ended (and could not be renewed): what logging out wants anyway.
    if (!result.response?.ok && result.response?.status !== 401) {
      throw toError(result);
    }

    if (scope !== 'others' || !result.response.ok) {
      this.forget();
    }
  }

  async user(): Promise<UserResponse> {
    return unwrap(await userGet({ client: this.client }));
  }

  async sessions(options?: Omit<Options<SessionsListData>, 'client'>): Promise<SessionsListResponse> {
    return unwrap(await sessionsList({ ...options, client: this.client }));
  }

  async endSession(id: string): Promise<void> {
    unwrap(await sessionsEnd({ client: this.client, path: { id } }));
  }

  /**
   * Sends a request; when one that carried the access token gets a 401, renews the session once and sends it again
   * with the new token. Calls that fail together share one refresh: a call whose token was already replaced while
   * it travelled just retries with the new one.
   */
  private async fetchWithRefresh(request: Request): Promise<Response> {
    const sentToken = request.headers.get('Authorization')?.replace(/^Bearer /, '');
    if (!sentToken) {
      return this.send(request);
    }

    const retry = request.clone();
    const response = await this.send(request);
    if (response.status !== 401) {
      return response;
    }

    const renewed = this.accessToken !== sentToken || (await this.refresh());
    if (!renewed || this.accessToken === undefined) {
      return response;
    }

    retry.headers.set('Authorization', `Bearer ${this.accessToken}`);
    return this.send(retry);
  }

  private async refreshOnce(): Promise<boolean> {
    const stored = this.storage.getItem(this.keys.refreshToken);
    if (!this.cookie && stored === null) {
      this.end(new AuthApiError(401, undefined)); // another client over the same storage logged out
      return false;
    }

    const result = await authRefresh({ client: this.client, body: this.cookie ? undefined : { refreshToken: stored } });
    if (result.data) {
      this.keep(result.data);
      return true;
    }

    const error = toError(result);
    if (!(error instanceof AuthApiError) || error.status >= 500 || error.status === 429) {
      // Offline, or the service is busy: the session may well be alive, so it is kept and the caller sees the error.
      throw error;
    }

    this.end(error);
    return false;
  }

  /** A first factor's answer (password or provider): the session, the second step it asks for, or the refusal thrown. */
  private signIn(result: CallResult<AuthResponse>): LoginResult {
    if (result.response?.ok && result.data) {
      return { status: 'signed_in', auth: this.keepDevice(result.data) };
    }

    const problem = result.error as MfaProblemDetails | undefined;
    if (result.response?.status === 403 && problem?.mfaToken
      && (problem.code === 'mfa_required' || problem.code === 'mfa_enrollment_required')) {
      return { status: problem.code, mfaToken: problem.mfaToken, factors: problem.factors ?? [], passkeyOptions: problem.passkeyOptions ?? undefined };
    }

    throw toError(result);
  }

  /** The device token from an earlier sign-in, so this client signs in as a known device. Cookie mode: the browser sends its cookie. */
  private deviceHeader(): Record<string, string> {
    const deviceToken = this.cookie ? null : this.storage.getItem(this.keys.deviceToken);
    return deviceToken ? { 'X-Device-Token': deviceToken } : {};
  }

  private keepDevice(auth: AuthResponse): AuthResponse {
    if (auth.deviceToken) {
      this.storage.setItem(this.keys.deviceToken, auth.deviceToken);
    }

    return this.keep(auth);
  }

  private keep(auth: AuthResponse): AuthResponse {
    this.accessToken = auth.accessToken;
    if (auth.refreshToken) {
      this.storage.setItem(this.keys.refreshToken, auth.refreshToken);
    }

    return auth;
  }

  /** Reported only when this client had a session: a resume that finds none is not a session ending. */
  private end(reason: AuthApiError): void {
    const hadSession = this.accessToken !== undefined;
    this.forget();
    if (hadSession) {
      this.options.onSessionEnded?.(reason);
    }
  }

  /** Drops the session; the device token stays, so this client remains a known device at the next login. */
  private forget(): void {
    this.accessToken = undefined;
    this.storage.removeItem(this.keys.refreshToken);
  }
}

/** In a browser, `location.assign`; elsewhere nothing (the caller has the URL). */
function browserNavigate(url: string): void {
  (globalThis as { location?: { assign(url: string): void } }).location?.assign(url);
}

/** `new URL('auth/...', base)` keeps a base's path (a service behind `/api/`) only when it ends in a slash. */
function withSlash(baseUrl: string): string {
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
}

/** RFC 7636 S256: 32 random bytes as the verifier, base64url(SHA-256(verifier)) as the challenge (Web Crypto). */
async function newProofKey(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64Url(globalThis.crypto.getRandomValues(new Uint8Array(32)));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64Url(new Uint8Array(digest)) };
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
