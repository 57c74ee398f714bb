import { passwordForgot } from '@auth/client';
import { auth, send } from '../auth';
import { useApp } from '../app-context';
import { Field, Form } from '../form';
import { Link } from '../router';

export function ForgotPassword() {
  const { say } = useApp();
  return (
    <section className="card narrow">
      <h2>Forgot your password?</h2>
      <Form id="forgot-form" submit="Mail me a link" onSubmit={async ({ email }) => {
        await send(passwordForgot({ client: auth.client, body: { email } }));
        // The service answers the same whether or not the account exists.
        say(`If ${email} has an account, a link to choose a new password is on its way. It works for 30 minutes.`);
      }}>
        <p>We mail a link to choose a new password.</p>
        <Field label="Email" name="email" type="email" autoComplete="username" required />
      </Form>
      <p className="links"><Link to="/login">Back to log in</Link></p>
    </section>
  );
}
