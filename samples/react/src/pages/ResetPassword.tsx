import { useState } from 'react';
import { passwordReset } from '@auth/client';
import { auth, logOut, send, weakPasswordReasons } from '../auth';
import { useApp } from '../app-context';
import { Form } from '../form';
import { Link, navigate } from '../router';
import { NewPasswordField } from '../strength';
import { useLinkToken } from './link-token';

/** Where the reset mail's link lands: {Email:LinkBaseUrl}/reset-password?token=... */
export function ResetPassword() {
  const { user, setUser, say } = useApp();
  const token = useLinkToken();
  const [reasons, setReasons] = useState<string[]>([]);

  if (!token) {
    return (
      <section className="card narrow">
        <h2>Choose a new password</h2>
        <p>This page opens from the link we mail. <Link to="/forgot-password">Ask for a link</Link>.</p>
      </section>
    );
  }

  return (
    <section className="card narrow">
      <h2>Choose a new password</h2>
      <Form id="reset-form" submit="Set the new password" onSubmit={async ({ newPassword }) => {
        try {
          await send(passwordReset({ client: auth.client, body: { token, newPassword } }));
        } catch (error) {
          setReasons(weakPasswordReasons(error));
          throw error;
        }

        // Every session of the account ended, this browser's too.
        if (user) {
          await logOut('local');
          setUser(null);
        }

        say('Your password was changed and every session ended. Log in with the new password.');
        navigate('/login', { replace: true });
      }}>
        <NewPasswordField id="reset" name="newPassword" label="New password" reasons={reasons} userInputs={() => []} />
      </Form>
    </section>
  );
}
