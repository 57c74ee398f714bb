// Compiled by `npm test` (tsc -p tsconfig.test.json), never run: each @ts-expect-error must meet an error, so a
// generated type that loosens (an optional required field, a code union widened to string) fails the build.
import type { AuthLoginErrors, LoginRequest, ProblemCode, SignupRequest, VerifyMfaRequest } from '@auth/client';

export const login: LoginRequest = { email: 'ada@example.com', password: 'correct horse battery staple' };
// @ts-expect-error the password is required
export const noPassword: LoginRequest = { email: 'ada@example.com' };
// @ts-expect-error a required field is not nullable
export const nullEmail: LoginRequest = { email: null, password: 'x' };
// @ts-expect-error signup needs a name
export const noName: SignupRequest = { email: 'ada@example.com', password: 'correct horse battery staple' };
export const verify: VerifyMfaRequest = { mfaToken: 't', code: '123456' };

export const known: ProblemCode = 'invalid_credentials';
// @ts-expect-error not a code the service has
export const unknown: ProblemCode = 'invalid_password';

// Per operation: a login's 401 is only invalid_credentials; its 409 does not exist.
export const loginUnauthorized: AuthLoginErrors[401]['code'] = 'invalid_credentials';
// @ts-expect-error email_taken is signup's, not login's
export const notLogins: AuthLoginErrors[401]['code'] = 'email_taken';
// @ts-expect-error login never answers 409
export type NoConflict = AuthLoginErrors[409];
