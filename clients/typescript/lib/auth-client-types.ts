import type { Client } from '../src/client/index.js';
import type {
  AuthResponse, ExternalIdentityResponse, ExternalProviderResponse, LoginRequest, Options, PasskeySignInOptionsResponse,
  SessionsListData, SessionsListResponse, SignupRequest, UserResponse, VerifyMfaRequest,
} from '../src/index.js';
import type { AuthApiError } from './errors.js';
import type { TokenStorage } from './storage.js';

/** Where the refresh token travels: must match the service's `Auth:RefreshTokenTransport`. */
export type RefreshTokenTransport = 'body' | 'cookie';

/** `local` ends this session, `global` every session of the account, `others` all but this one. */
export type LogoutScope = 'local' | 'global' | 'others';

export interface AuthClientOptions {
  /** The service's address, for example `https://auth.example.com`. */
  baseUrl: string;
  /**
   * `body` (default): the refresh token comes in the JSON and is kept in `storage`. `cookie`: it stays in the
   * service's HttpOnly cookie; requests go with `credentials: 'include'` and the `X-Requested-With` header the
   * service requires on cookie calls.
   */
  transport?: RefreshTokenTransport;
  /** Where body mode keeps the refresh and device tokens (`localStorage` to survive reloads). Default: memory. */
  storage?: TokenStorage;
  /** Prefix of the storage keys, so two clients can share one storage. Default `auth`. */
  storageKey?: string;
  /**
   * Where an external sign-in's proof key waits while the browser is at the provider: it must outlive that
   * navigation and stay in this tab. Default: `sessionStorage` where there is one, else memory.
   */
  flowStorage?: TokenStorage;
  /** Sends every request; default `globalThis.fetch`. Wrap it to log, count or add headers. */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * The session ended without the app asking: a refresh was refused (the session was ended elsewhere, expired, or
   * its refresh token was reused). The user must sign in again. Not called for this client's own `logout`.
   */
  onSessionEnded?: (reason: AuthApiError) => void;
}

/**
 * A sign-in either starts the session or asks for the second step with the `mfaToken`. With `passkey` among the
 * `factors`, `passkeyOptions` are the request options a passkey answers (send the assertion to `verifyMfa`).
 */
export type LoginResult =
  | { status: 'signed_in'; auth: AuthResponse }
  | { status: 'mfa_required' | 'mfa_enrollment_required'; mfaToken: string; factors: string[]; passkeyOptions?: unknown };

/**
 * What the return page of an external sign-in or link says, once read (and its code exchanged):
 * - `signed_in`, `mfa_required`, `mfa_enrollment_required`: as a password {@link LoginResult}; the second step is
 *   {@link AuthClient.verifyMfa} (or the enrolment) with the `mfaToken`.
 * - `linked`: a link finished; the provider now signs in to the signed-in account.
 * - `error`: the provider's leg failed before any code was issued. `code` is one of `external_sign_in_cancelled`
 *   (the user cancelled at the provider), `external_sign_in_failed` (the provider's answer did not check out),
 *   `provider_unavailable`, `external_identity_in_use` (a link: that provider account belongs to another account).
 * - `none`: the page carries none of `code`, `error` or `linked` (opened directly, or reloaded after the exchange).
 * Refusals of the exchange itself (`external_account_exists`, `invalid_exchange_code`, ...) throw {@link AuthApiError}.
 */
export type ExternalSignInResult =
  | (LoginResult & { provider: string | undefined })
  | { status: 'linked'; provider: string }
  | { status: 'error'; code: ExternalReturnError | (string & {}); provider: string | undefined }
  | { status: 'none' };

/** The codes the service's callback sends back in `?error=`. */
export type ExternalReturnError = 'external_sign_in_cancelled' | 'external_sign_in_failed' | 'provider_unavailable' | 'external_identity_in_use';

/**
 * Sends the browser to a URL; by default `location.assign` where there is a `location` (a browser), nothing
 * elsewhere (the URL is returned either way).
 */
export type Navigate = (url: string) => void;

/**
 * A `PublicKeyCredential` as its `toJSON()` gives it. The app runs the ceremony itself:
 * `(await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options.publicKey) })).toJSON()`.
 */
export type PasskeyCredentialJson = Record<string, unknown>;

export interface AuthClient {
  /**
   * The generated client with this session's token and refresh on 401: pass it to any generated function,
   * `userUpdate({ client: auth.client, body })`.
   */
  readonly client: Client;
  readonly signedIn: boolean;
  signup(body: SignupRequest): Promise<AuthResponse>;
  /** `mfa_required`: call {@link verifyMfa} with the `mfaToken` and a code; other refusals throw {@link AuthApiError}. */
  login(body: LoginRequest): Promise<LoginResult>;
  verifyMfa(body: VerifyMfaRequest): Promise<AuthResponse>;
  /**
   * `mfa_enrollment_required` (the account's role requires a second factor it lacks): after the generated
   * `mfaStartTotp({ body: { mfaToken } })` showed the QR code, confirms the app's first code with the same
   * `mfaToken`; the session starts here. Resolves with the recovery codes (shown once) and the session.
   */
  confirmTotpEnrolment(body: { mfaToken: string; code: string }): Promise<{ recoveryCodes: string[]; auth: AuthResponse }>;
  /**
   * Begins a passwordless sign-in: `challengeId`, and `publicKey` (request options as JSON) for
   * `navigator.credentials.get`. `email` is optional and only narrows which account's passkey may answer.
   */
  passkeySignInOptions(email?: string): Promise<PasskeySignInOptionsResponse>;
  /** Finishes it with the browser's assertion; refusals throw {@link AuthApiError} (401 `invalid_passkey`). */
  signInWithPasskey(challengeId: string, assertion: PasskeyCredentialJson): Promise<AuthResponse>;
  /** The service's configured providers, in order, for one "Sign in with ..." button each. */
  listProviders(): Promise<ExternalProviderResponse[]>;
  /**
   * Starts a sign-in with a provider: the URL of the service's start endpoint (it redirects to the provider), which
   * the browser is sent to. The provider's answer comes back to `returnUrl` (a page on a frontend origin the service
   * is configured with), whose query {@link completeExternalSignIn} reads. An unknown `returnUrl` origin is refused
   * by the service with 400 `invalid_return_url` there, with no redirect. A fresh proof key's verifier is kept in
   * `flowStorage` and its challenge sent along: only this tab can exchange the code that comes back.
   */
  startExternalSignIn(providerId: string, returnUrl: string, navigate?: Navigate): Promise<string>;
  /**
   * On the return page: reads `code`, `error` or `linked` from its URL (`location.href`), exchanges a code for the
   * session with the verifier {@link startExternalSignIn} kept (the session kept as `login` keeps it, with this
   * client's device token), and says what happened. Call it once per code: the code works once. A page this tab did
   * not start (a forwarded link) throws 400 `invalid_exchange_code`, and its code is spent.
   */
  completeExternalSignIn(location: string | URL | { href: string }): Promise<ExternalSignInResult>;
  /**
   * Links a provider's account to the signed-in account: asks the service for the provider's authorization URL
   * and sends the browser there. The return page then sees `?linked=` (or `?error=`). Refusals throw
   * {@link AuthApiError}: `mfa_step_up_required` when the account has two-step verification and this session did
   * not use it.
   */
  linkProvider(providerId: string, returnUrl: string, navigate?: Navigate): Promise<string>;
  /** The provider accounts linked to the signed-in account, oldest first. */
  listIdentities(): Promise<ExternalIdentityResponse[]>;
  /** Unlinks one; 409 `last_sign_in_method` when the account would be left with no way to sign in. */
  unlinkIdentity(id: string): Promise<void>;
  /**
   * After a reload: renews the session from the stored refresh token (body mode; no request when there is none) or
   * the cookie. False when there is no session to resume; `onSessionEnded` is not called for that.
   */
  resume(): Promise<boolean>;
  /** Renews the access token now; concurrent callers share one request. False when the service refused. */
  refresh(): Promise<boolean>;
  /** Resolves too when the session had already ended; `others` keeps this session. */
  logout(scope?: LogoutScope): Promise<void>;
  user(): Promise<UserResponse>;
  sessions(options?: Omit<Options<SessionsListData>, 'client'>): Promise<SessionsListResponse>;
  endSession(id: string): Promise<void>;
}
