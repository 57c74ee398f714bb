import { useRef, useState } from 'react';
import { auth, weakPasswordReasons } from '../auth';
import { useApp } from '../app-context';
import { Field, Form } from '../form';
import { Link, navigate } from '../router';
import { NewPasswordField } from '../strength';

export function SignUp() {
  const { setUser, say } = useApp();
  const [reasons, setReasons] = useState<string[]>([]);
  const form = useRef<HTMLDivElement>(null);
  const field = (name: string) => form.current?.querySelector<HTMLInputElement>(`input[name=${name}]`)?.value ?? '';

  return (
    <section className="card narrow" ref={form}>
      <h2>Sign up</h2>
      <Form id="signup-form" submit="Sign up" onSubmit={async ({ name, email, password }) => {
        try {
          const response = await auth.signup({ name, email, password });
          setUser(response.user);
          say(`Welcome! We mailed a link to ${email} to confirm the address.`);
          navigate('/account');
        } catch (error) {
          setReasons(weakPasswordReasons(error));
          throw error;
        }
      }}>
        <Field label="Name" name="name" autoComplete="name" required />
        <Field label="Email" name="email" type="email" autoComplete="username" required />
        <NewPasswordField id="signup" name="password" label="Password" reasons={reasons}
          userInputs={() => [field('email'), field('name')]} />
      </Form>
      <p className="links">Already have an account? <Link to="/login">Log in</Link></p>
    </section>
  );
}
