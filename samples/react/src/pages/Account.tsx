import { useState } from 'react';
import { userChangeEmail, userChangePassword, userDelete, userUpdate } from '@auth/client';
import { auth, send, weakPasswordReasons } from '../auth';
import { useApp } from '../app-context';
import { Field, Form } from '../form';
import { navigate } from '../router';
import { LinkedSignIns } from './LinkedSignIns';
import { NewPasswordField } from '../strength';

/** The user: name, address, password; and the account's end. */
export function Account() {
  const { user, setUser, reloadUser, say, passwordChangeRequired, setPasswordChangeRequired } = useApp();
  const [reasons, setReasons] = useState<string[]>([]);
  if (!user) return null;

  return (
    <>
      <section className="card">
        <h2>Profile</h2>
        <dl className="facts">
          <dt>Name</dt><dd id="profile-name">{user.name}</dd>
          <dt>Email</dt>
          <dd>
            <span id="profile-email">{user.email}</span>{' '}
            <span id="email-status" className={user.emailConfirmed ? 'badge ok' : 'badge warn'}>
              {user.emailConfirmed ? 'confirmed' : 'not confirmed'}
            </span>
          </dd>
          <dt>Member since</dt><dd>{new Date(user.createdAt).toLocaleDateString()}</dd>
          <dt>Two-step verification</dt><dd>{user.mfaEnabled ? 'on' : 'off'}</dd>
          {user.roles.length > 0 && <><dt>Roles</dt><dd>{user.roles.join(', ')}</dd></>}
        </dl>
        <button id="reload-user" type="button" onClick={() => void reloadUser()}>Reload</button>
      </section>

      <section className="card">
        <Form id="name-form" title="Name" submit="Save name" onSubmit={async ({ name }) => {
          setUser(await send(userUpdate({ client: auth.client, body: { name } })));
          say('Name saved.');
        }}>
          <Field label="New name" name="name" autoComplete="name" required defaultValue="" />
        </Form>
      </section>

      <section className="card">
        <Form id="password-form" title="Password" submit="Change password" onSubmit={async ({ currentPassword, newPassword }) => {
          try {
            await send(userChangePassword({ client: auth.client, body: { currentPassword, newPassword } }));
          } catch (error) {
            setReasons(weakPasswordReasons(error));
            throw error;
          }

          setReasons([]);
          setPasswordChangeRequired(false);
          say('Password changed; your other sessions ended.');
        }}>
          {passwordChangeRequired && (
            <p id="password-change-required" className="notice" role="alert">
              The password you signed in with is now known to be easy to guess. Please choose a new one.
            </p>
          )}
          <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required />
          <NewPasswordField id="new-password" name="newPassword" label="New password" reasons={reasons}
            userInputs={() => [user.email, user.name]} />
        </Form>
      </section>

      <section className="card">
        <Form id="email-form" title="Email address" submit="Change email" onSubmit={async ({ newEmail, currentPassword }) => {
          await send(userChangeEmail({ client: auth.client, body: { newEmail, currentPassword } }));
          say(`Almost done: open the link we mailed to ${newEmail} to confirm it. Until then you sign in with your current address.`);
        }}>
          <p className="muted">
            A confirmation link goes to the new address, and a notice with a cancel link to the current one. Nothing
            changes until the new address is confirmed.
          </p>
          <Field label="New address" name="newEmail" type="email" autoComplete="email" required />
          <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required />
        </Form>
      </section>

      <LinkedSignIns />

      <section className="card danger">
        <Form id="delete-form" title="Delete the account" submit="Delete my account" onSubmit={async ({ password }) => {
          await send(userDelete({ client: auth.client, body: { password } }));
          await auth.logout('local');
          setUser(null);
          say('Your account was deleted.');
          navigate('/signup');
        }}>
          <p className="muted">Every session ends and the account is gone; this cannot be undone.</p>
          <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        </Form>
      </section>
    </>
  );
}
