import { useState } from 'react';
import { emailResend } from '@auth/client';
import { auth, problemText, send } from '../auth';
import { useApp } from '../app-context';

/** Shown on every page while the address is unconfirmed, with a button that mails the link again. */
export function UnconfirmedNotice() {
  const { user, say } = useApp();
  const [busy, setBusy] = useState(false);
  if (!user || user.emailConfirmed) return null;

  const resend = async () => {
    setBusy(true);
    try {
      await send(emailResend({ client: auth.client }));
      say(`We mailed a new confirmation link to ${user.email}.`);
    } catch (error) {
      say(problemText(error, 'The link was not sent.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <p id="email-unconfirmed" className="notice">
      Your address {user.email} is not confirmed yet: open the link we mailed to it.{' '}
      <button id="resend-confirmation" type="button" disabled={busy} onClick={() => void resend()}>Send the link again</button>
    </p>
  );
}
