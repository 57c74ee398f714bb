import { useEffect, useState } from 'react';
import { mfaStartTotp, type AuthResponse, type TotpEnrolmentResponse } from '@auth/client';
import { auth, problemText, send } from '../auth';
import { useApp } from '../app-context';
import { RecoveryCodes, TotpSetup } from './TotpSetup';

// One enrolment per mfaToken, even when StrictMode runs the effect twice (a second start would replace the secret).
const started = new Map<string, Promise<TotpEnrolmentResponse>>();

/**
 * A login that answered mfa_enrollment_required (an account whose role requires a second factor it lacks): the
 * login's mfaToken enrols an authenticator app, and the app's first code starts the session.
 */
export function MfaEnrolment({ mfaToken, onSignedIn }: { mfaToken: string; onSignedIn: (response: AuthResponse) => void }) {
  const { say } = useApp();
  const [enrolment, setEnrolment] = useState<TotpEnrolmentResponse>();
  const [confirmed, setConfirmed] = useState<{ recoveryCodes: string[]; auth: AuthResponse }>();

  useEffect(() => {
    let current = true;
    if (!started.has(mfaToken)) {
      started.set(mfaToken, send(mfaStartTotp({ client: auth.client, body: { mfaToken } })));
    }

    started.get(mfaToken)!.then((value) => current && setEnrolment(value), (error: unknown) => current && say(problemText(error)));
    return () => {
      current = false;
    };
  }, [mfaToken, say]);

  return (
    <section className="card narrow" id="mfa-enrolment">
      <h2>Set up two-step verification</h2>
      <p className="muted">Your account must use an authenticator app before it can sign in.</p>
      {enrolment && !confirmed && (
        <TotpSetup enrolment={enrolment} onConfirm={async (code) => {
          setConfirmed(await auth.confirmTotpEnrolment({ mfaToken, code }));
          say('Two-step verification is on. Keep your recovery codes, then continue.');
        }} />
      )}
      {confirmed && (
        <>
          <RecoveryCodes codes={confirmed.recoveryCodes} />
          <button id="mfa-enrolment-done" type="button" onClick={() => onSignedIn(confirmed.auth)}>Continue</button>
        </>
      )}
    </section>
  );
}
