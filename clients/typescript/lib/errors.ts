import type { ProblemDetails } from '../src/index.js';

/** Every code a problem of the service can carry (a union generated from the OpenAPI document). */
export type ProblemCode = ProblemDetails['code'];

/**
 * A call the service refused: its HTTP status and RFC 9457 problem. Switch on `code` (`invalid_credentials`,
 * `email_taken`, ...); `message` is the problem's `detail`, for people.
 */
export class AuthApiError extends Error {
  readonly status: number;
  readonly code: ProblemCode | `http_${number}`;
  readonly problem: ProblemDetails | undefined;

  constructor(status: number, problem: ProblemDetails | undefined) {
    super(problem?.detail ?? problem?.title ?? `The service answered ${status}.`);
    this.name = 'AuthApiError';
    this.status = status;
    this.problem = problem;
    // A problem always carries a code; a bare status (a proxy's 502, say) gets one so callers can still switch.
    this.code = problem?.code ?? `http_${status}`;
  }
}

/** What every generated function returns when it does not throw. */
export interface CallResult<T> {
  data?: T;
  error?: unknown;
  response?: Response;
}

/** The data of a successful call; otherwise an {@link AuthApiError}, or the network error as fetch threw it. */
export function unwrap<T>(result: CallResult<T>): T {
  if (result.response?.ok) {
    return result.data as T;
  }

  throw toError(result);
}

export function toError(result: CallResult<unknown>): unknown {
  if (!result.response) {
    return result.error;
  }

  const problem = typeof result.error === 'object' && result.error !== null && 'code' in result.error
    ? (result.error as ProblemDetails)
    : undefined;
  return new AuthApiError(result.response.status, problem);
}
