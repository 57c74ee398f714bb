import { useCallback, useEffect, useState } from 'react';
import {
  AuthApiError, mfaConfirmTotp, mfaDisableTotp, mfaGet, mfaRegenerateRecoveryCodes, mfaStartTotp,
  type MfaStatusResponse, type TotpEnrolmentResponse,
} from '@auth/client';
import { auth, problemText, send } from '../auth';
import { useApp } from '../app-context';
import { Field, Form } from '../form';
import { RecoveryCodes, TotpSetup } from './TotpSetup';

/** Why a change to two-step verification was refused, in words that say what to do. */
function stepUpText(error: unknown): string {
  return error instanceof AuthApiError && error.code === 'mfa_step_up_required'
    ? 'Log out and sign in again with a code from your app to change this.'
    : problemText(error);
}

/** Two-step verification: turn an authenticator app on (QR code from the service), get new recovery codes, turn it off. */
export function Security() {
  const { reloadUser, say } = useApp();
  const [status, setStatus] = useState<MfaStatusResponse>();
  const [enrolment, setEnrolment] = useState<TotpEnrolmentResponse>();
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();

  const load = useCallback(async () => {
    try {
      setStatus(await send(mfaGet({ client: auth.client })));
    } catch (error) {
      if (auth.signedIn) say(problemText(error));
    }
  }, [say]);

  useEffect(() => {
    void load();
  }, [load]);

  const changed = async (text: string) => {
    say(text);
    await load();
    await reloadUser();
  };

  return (
    <section className="card" id="mfa">
      <h2>Two-step verification</h2>
      <p id="mfa-status">
        {status === undefined ? '' : status.totpEnabled
          ? `On since ${new Date(status.totpEnabledSince!).toLocaleString()}; ${status.recoveryCodesLeft} recovery codes left.`
          : 'Off.'}
      </p>

      {status && !status.totpEnabled && !enrolment && (
        <Form id="mfa-start-form" submit="Set up an authenticator app" onSubmit={async ({ currentPassword }) => {
          setRecoveryCodes(undefined);
          setEnrolment(await send(mfaStartTotp({ client: auth.client, body: { currentPassword } })));
        }}>
          <p className="muted">After your password, sign-ins ask for a 6-digit code from an app on your phone.</p>
          <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required />
        </Form>
      )}

      {enrolment && (
        <TotpSetup enrolment={enrolment} onConfirm={async (code) => {
          const confirmed = await send(mfaConfirmTotp({ client: auth.client, body: { code } }));
          setEnrolment(undefined);
          setRecoveryCodes(confirmed.recoveryCodes);
          await changed('Two-step verification is on.');
        }} />
      )}

      {recoveryCodes && <RecoveryCodes codes={recoveryCodes} />}

      {status?.totpEnabled && (
        <>
          <Form id="recovery-codes-form" title="New recovery codes" submit="Make new recovery codes" onSubmit={async ({ code }) => {
            try {
              setRecoveryCodes((await send(mfaRegenerateRecoveryCodes({ client: auth.client, body: { code } }))).recoveryCodes);
            } catch (error) {
              say(stepUpText(error));
              return false;
            }

            await changed('New recovery codes made; the old ones no longer work.');
          }}>
            <Field label="Code from the app or a recovery code" name="code" autoComplete="one-time-code" required />
          </Form>
          <Form id="mfa-disable-form" title="Turn it off" submit="Turn off" onSubmit={async ({ code }) => {
            try {
              await send(mfaDisableTotp({ client: auth.client, body: { code } }));
            } catch (error) {
              say(stepUpText(error));
              return false;
            }

            setRecoveryCodes(undefined);
            await changed('Two-step verification is off.');
          }}>
            <Field label="Code from the app or a recovery code" name="code" autoComplete="one-time-code" required />
          </Form>
        </>
      )}
    </section>
  );
}
