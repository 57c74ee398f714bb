// What a consumer writes, type-checked by CI against the packed tarball with the consumer settings the README names
// (lib ES2022 + DOM, no skipLibCheck): the package's declarations need nothing more.
import { AuthApiError, createAuthClient, userUpdate, type UserResponse } from '@auth/client';

const auth = createAuthClient({
  baseUrl: 'http://localhost:5080',
  transport: 'cookie',
  onSessionEnded: () => console.log('Signed out: please log in again.'),
});

export async function signIn(email: string, password: string): Promise<UserResponse | string> {
  try {
    const result = await auth.login({ email, password });
    if (result.status !== 'signed_in') {
      return result.mfaToken; // ask for a code, then auth.verifyMfa({ mfaToken, code })
    }

    await userUpdate({ client: auth.client, body: { name: 'Ada' }, throwOnError: true });
    return await auth.user();
  } catch (error) {
    if (error instanceof AuthApiError && error.code === 'invalid_credentials') {
      return 'Wrong email or password.';
    }

    throw error;
  }
}
