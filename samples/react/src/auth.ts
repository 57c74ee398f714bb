import { AuthApiError, createAuthClient, type ExternalProviderResponse, type LogoutScope, type ProblemDetails } from '@auth/client';
import { config } from './config';

type Listener<T> = (value: T) => void;
const ended = new Set<Listener<AuthApiError>>();
const renewed = new Set<Listener<Date>>();

// Answers that carry a new access token and its lifetime (expiresIn).
const issuesTokens = /\/auth\/(signup|login|refresh|mfa\/verify|external\/exchange)$/;
let renewal: ReturnType<typeof setTimeout> | undefined;

/**
 * The app's one session. The client keeps the access token in memory and renews it when a call gets a 401; on top
 * of that the app renews a little before the token expires, so an idle tab learns at once that its session was
 * ended elsewhere (and calls never meet an expired token). Body mode keeps the refresh token in localStorage, the
 * price of that mode; cookie mode leaves it in the service's HttpOnly cookie.
 */
export const auth = createAuthClient({
  baseUrl: config.apiBaseUrl,
  transport: config.refreshTokenTransport,
  storage: localStorage,
  storageKey: 'auth-sample',
  fetch: async (request) => {
    const response = await fetch(request);
    if (response.ok && issuesTokens.test(new URL(request.url).pathname)) {
      void response.clone().json().then((body: { expiresIn?: number }) => {
        if (typeof body.expiresIn === 'number') {
          scheduleRenewal(body.expiresIn);
        }
      });
    }

    if (response.ok && request.url.endsWith('/auth/refresh')) {
      renewed.forEach((listener) => listener(new Date()));
    }

    return response;
  },
  onSessionEnded: (reason) => {
    clearTimeout(renewal);
    ended.forEach((listener) => listener(reason));
  },
});

/** A minute before expiry, or at three quarters of a short lifetime. */
function scheduleRenewal(expiresInSeconds: number): void {
  clearTimeout(renewal);
  const lifetime = expiresInSeconds * 1000;
  renewal = setTimeout(() => {
    // A refusal ends the session (onSessionEnded); offline or busy, the next call's 401 tries again.
    auth.refresh().catch(() => undefined);
  }, Math.max(1000, lifetime - Math.min(60_000, lifetime / 4)));
}

export function onSessionEnded(listener: Listener<AuthApiError>): () => void {
  ended.add(listener);
  return () => ended.delete(listener);
}

export function onRenewed(listener: Listener<Date>): () => void {
  renewed.add(listener);
  return () => renewed.delete(listener);
}

export async function logOut(scope: LogoutScope): Promise<void> {
  await auth.logout(scope);
  if (scope !== 'others') {
    clearTimeout(renewal);
  }
}

/** What a generated function returns: the data of a success, otherwise thrown as an AuthApiError. */
export async function send<T>(call: Promise<{ data?: T; error?: unknown; response?: Response }>): Promise<T> {
  const result = await call;
  if (result.response?.ok) {
    return result.data as T;
  }

  if (!result.response) {
    throw result.error;
  }

  const problem = typeof result.error === 'object' && result.error !== null && 'code' in result.error
    ? (result.error as ProblemDetails)
    : undefined;
  throw new AuthApiError(result.response.status, problem);
}

/** What to tell a person about a failed call: the fields' messages, else the problem's detail. */
export function problemText(error: unknown, fallback = 'Something went wrong.'): string {
  if (error instanceof AuthApiError) {
    const fields = error.problem?.errors as Record<string, string[]> | undefined;
    const messages = fields ? Object.values(fields).flat().join(' ') : '';
    return messages || error.message || fallback;
  }

  return error instanceof TypeError ? 'The service could not be reached. Is it running?' : fallback;
}

/** The service's providers, asked once per page load: the login page's buttons and the account's links. */
let providers: Promise<ExternalProviderResponse[]> | undefined;
export const listProviders = () => (providers ??= auth.listProviders().catch((error: unknown) => {
  providers = undefined;
  throw error;
}));

/** The page a provider sends the browser back to; its origin must be one the service knows (ExternalSignIn:ReturnOrigins). */
export const externalReturnUrl = () => `${location.origin}/external`;

/**
 * What to tell a person when a sign-in or link with a provider did not work: the code from the return page's
 * `?error=` or from the exchange's refusal, in words. `provider` is the provider's display name.
 */
export function externalProblemText(error: unknown, provider: string): string {
  const code = typeof error === 'string' ? error : error instanceof AuthApiError ? error.code : undefined;
  switch (code) {
    case 'external_account_exists':
      return `An account with the email address of your ${provider} account already exists. Log in with your password, then link ${provider} on your profile page.`;
    case 'external_sign_in_cancelled':
      return `The sign-in with ${provider} was cancelled.`;
    case 'external_sign_in_failed':
      return `${provider} could not confirm who you are. Please try again.`;
    case 'provider_unavailable':
      return `${provider} cannot be reached right now. Please try again in a moment.`;
    case 'external_identity_in_use':
      return `This ${provider} account is already linked to another account.`;
    case 'external_email_missing':
      return `${provider} did not share your email address, which an account needs.`;
    case 'invalid_exchange_code':
      return `This sign-in with ${provider} expired, was already used, or was started in another browser. Please sign in again.`;
    default:
      return typeof error === 'string' ? `The sign-in with ${provider} did not work (${error}).` : problemText(error);
  }
}

/** The reasons of a weak_password refusal, shown next to the field. */
export function weakPasswordReasons(error: unknown): string[] {
  return error instanceof AuthApiError && error.code === 'weak_password'
    ? ((error.problem?.reasons as string[] | undefined) ?? [])
    : [];
}
