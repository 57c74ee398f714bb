import { useState } from 'react';
import type { AuthResponse } from '@auth/client';
import { auth, problemText } from '../auth';
import { useApp } from '../app-context';
import { Field, Form } from '../form';
import { getPasskey, isCeremonyError } from '../passkeys';
import { Link, navigate } from '../router';
import { MfaEnrolment } from './MfaEnrolment';


/** Email and password, then, for an account with two-step verification, a code from the app or a recovery code. */
export function LogIn({ next = '/account' }: { next?: string }) {
  const { setUser, say, setPasswordChangeRequired } = useApp();
  const [mfaToken, setMfaToken] = useState<string>();
  // With a passkey among the account's factors: the options a passkey answers instead of a code.
  const [mfaPasskeyOptions, setMfaPasskeyOptions] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // The account's role requires a second factor it lacks: the login's mfaToken enrols one.
  const [enrolmentToken, setEnrolmentToken] = useState<string>();

  const enter = (response: AuthResponse) => {
    // The service now refuses this password (common, or breached): the session works, but a new one is asked for.
    const changeRequired = response.passwordChangeRequired === true;
    setPasswordChangeRequired(changeRequired);
    say(changeRequired ? 'Please choose a new password.' : '');
    setUser(response.user);
    const target = changeRequired ? '/account' : next;
    if (location.pathname !== target) {
      navigate(target);
    }
  };

  if (enrolmentToken) {
    return <MfaEnrolment mfaToken={enrolmentToken} onSignedIn={enter} />;
  }

  /** Runs the browser's passkey ceremony, then `finish` with its answer; a cancelled ceremony is only said. */
  const withPasskey = async (options: () => Promise<unknown>, finish: (assertion: PublicKeyCredentialJSON) => Promise<AuthResponse>) => {
    setBusy(true);
    try {
      enter(await finish(await getPasskey(await options())));
    } catch (error) {
      say(isCeremonyError(error) ? 'No passkey was used.' : problemText(error, 'The passkey was not accepted.'));
    } finally {
      setBusy(false);
    }
  };

  // Passwordless: no email needed, the browser offers the passkeys it holds for this site.
  const passkeySignIn = async () => {
    let challengeId = '';
    await withPasskey(async () => {
      const options = await auth.passkeySignInOptions();
      challengeId = options.challengeId;
      return options.publicKey;
    }, (assertion) => auth.signInWithPasskey(challengeId, assertion));
  };

  return (
    <section className="card narrow">
      <h2>Log in</h2>
      {mfaToken ? (
        <Form id="mfa-form" submit="Verify" onSubmit={async ({ code, recoveryCode }) => {
          enter(await auth.verifyMfa(recoveryCode ? { mfaToken, recoveryCode } : { mfaToken, code }));
        }}>
          <p>Two-step verification: enter the 6-digit code from your authenticator app, or one of your recovery codes.</p>
          <Field label="Code" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" autoFocus />
          <Field label="Or a recovery code" name="recoveryCode" autoComplete="off" />
        </Form>
      ) : (
        <Form id="login-form" submit="Log in" onSubmit={async ({ email, password }) => {
          const result = await auth.login({ email, password });
          if (result.status === 'signed_in') {
            enter(result.auth);
            return;
          }

          if (result.status === 'mfa_required') {
            setMfaToken(result.mfaToken);
            setMfaPasskeyOptions(result.passkeyOptions);
            say('Enter the code from your authenticator app.');
          } else {
            setEnrolmentToken(result.mfaToken);
            say('');
          }
        }}>
          <Field label="Email" name="email" type="email" autoComplete="username" required />
          <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        </Form>
      )}
      {mfaToken && mfaPasskeyOptions !== undefined && (
        <p className="alternative">
          <button id="mfa-passkey" type="button" disabled={busy}
            onClick={() => void withPasskey(async () => mfaPasskeyOptions, (assertion) => auth.verifyMfa({ mfaToken, assertion }))}>
            Use a passkey instead
          </button>
        </p>
      )}
      {!mfaToken && (
        <p className="alternative">
          <button id="passkey-login" type="button" disabled={busy} onClick={() => void passkeySignIn()}>Sign in with a passkey</button>
        </p>
      )}
      <p className="links">
        <Link to="/forgot-password">Forgot your password?</Link> · <Link to="/signup">Create an account</Link>
      </p>
    </section>
  );
}
