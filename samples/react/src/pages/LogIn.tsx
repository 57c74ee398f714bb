import { useEffect, useState } from 'react';
import type { AuthResponse, ExternalProviderResponse } from '@auth/client';
import { auth, externalReturnUrl, listProviders, problemText } from '../auth';
import { useApp } from '../app-context';
import { Field, Form } from '../form';
import { getPasskey, isCeremonyError } from '../passkeys';
import { Link, navigate } from '../router';
import { MfaEnrolment } from './MfaEnrolment';


/** The second step a first factor (a password, or a provider on the return page) asked for. */
export interface SecondStep {
  status: 'mfa_required' | 'mfa_enrollment_required';
  mfaToken: string;
  passkeyOptions?: unknown;
}

/**
 * Email and password, a passkey, or a provider ("Sign in with ..."); then, for an account with two-step
 * verification, a code from the app or a recovery code. The provider's return page (/external) opens this at the
 * second step (`secondStep`) when its sign-in needs one.
 */
export function LogIn({ next = '/account', secondStep }: { next?: string; secondStep?: SecondStep }) {
  const { setUser, say, setPasswordChangeRequired } = useApp();
  const [mfaToken, setMfaToken] = useState(secondStep?.status === 'mfa_required' ? secondStep.mfaToken : undefined);
  // With a passkey among the account's factors: the options a passkey answers instead of a code.
  const [mfaPasskeyOptions, setMfaPasskeyOptions] = useState<unknown>(secondStep?.passkeyOptions);
  const [busy, setBusy] = useState(false);
  // The account's role requires a second factor it lacks: the login's mfaToken enrols one.
  const [enrolmentToken, setEnrolmentToken] = useState(secondStep?.status === 'mfa_enrollment_required' ? secondStep.mfaToken : undefined);
  const [providers, setProviders] = useState<ExternalProviderResponse[]>([]);

  useEffect(() => {
    // No providers configured, or the service unreachable: the page simply offers no "Sign in with" buttons.
    listProviders().then(setProviders, () => setProviders([]));
  }, []);

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
      {!mfaToken && providers.length > 0 && (
        <div id="external-providers" className="alternative">
          {providers.map((provider) => (
            // A navigation, not a fetch: the service sends the browser on to the provider, which sends it back to /external.
            <button key={provider.id} type="button" disabled={busy} data-provider={provider.id}
              onClick={() => void auth.startExternalSignIn(provider.id, externalReturnUrl())}>
              Sign in with {provider.displayName}
            </button>
          ))}
        </div>
      )}
      <p className="links">
        <Link to="/forgot-password">Forgot your password?</Link> · <Link to="/signup">Create an account</Link>
      </p>
    </section>
  );
}
