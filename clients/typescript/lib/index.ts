// The package's entry: the hand-written session layer, and everything generated (one function per operation and
// every request, response and problem type).
export { createAuthClient } from './auth-client.js';
export type {
  AuthClient, AuthClientOptions, ExternalReturnError, ExternalSignInResult, LoginResult, LogoutScope, Navigate, PasskeyCredentialJson,
  RefreshTokenTransport,
} from './auth-client-types.js';
export { AuthApiError, type ProblemCode } from './errors.js';
export { memoryStorage, type TokenStorage } from './storage.js';
export { createClient, createConfig, type Client } from '../src/client/index.js';
export * from '../src/index.js';
