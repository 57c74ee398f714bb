import type { Client } from '../src/client/index.js';
import type {
  AuthResponse, LoginRequest, Options, PasskeySignInOptionsResponse, SessionsListData, SessionsListResponse, SignupRequest,
  UserResponse, VerifyMfaRequest,
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
