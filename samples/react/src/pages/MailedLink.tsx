import { useEffect, useState } from 'react';
import { emailCancelChange, emailConfirm, emailConfirmChange } from '@auth/client';
import { auth, problemText, send } from '../auth';
import { useApp } from '../app-context';
import { Link, navigate } from '../router';
import { useLinkToken } from './link-token';

export interface MailedLinkPage {
  title: string;
  post: (token: string) => Promise<unknown>;
  done: string;
}

/** The pages the service's mails link to, `{Email:LinkBaseUrl}/<path>?token=`, each posting its token once. */
export const mailedLinks: Record<string, MailedLinkPage> = {
  'confirm-email': {
    title: 'Confirming your email address',
    post: (token) => send(emailConfirm({ client: auth.client, body: { token } })),
    done: 'Your email address is confirmed.',
  },
  'confirm-email-change': {
    title: 'Changing your email address',
    post: (token) => send(emailConfirmChange({ client: auth.client, body: { token } })),
    done: 'Your email address was changed: sign in with the new one from now on.',
  },
  'cancel-email-change': {
    title: 'Cancelling the email change',
    post: (token) => send(emailCancelChange({ client: auth.client, body: { token } })),
    done: 'The email change was cancelled; your address stays as it was. If you did not ask for it, change your password.',
  },
};

// One post per token, even when StrictMode runs the effect twice.
const posted = new Map<string, Promise<unknown>>();

export function MailedLink({ link }: { link: MailedLinkPage }) {
  const { user, reloadUser, say } = useApp();
  const token = useLinkToken();
  const [failed, setFailed] = useState<string>();

  useEffect(() => {
    if (!token) {
      return;
    }

    let current = true;
    if (!posted.has(token)) {
      posted.set(token, link.post(token));
    }

    posted.get(token)!.then(async () => {
      if (!current) return;
      if (user) {
        await reloadUser();
      }

      say(link.done);
      navigate(user ? '/account' : '/login', { replace: true });
    }, (error: unknown) => {
      if (current) {
        const text = problemText(error, 'The link did not work.');
        setFailed(text);
        say(text);
      }
    });
    return () => {
      current = false;
    };
    // The token is posted once, for the user signed in when the page opened.
  }, [token]);

  return (
    <section className="card narrow">
      <h2>{link.title}</h2>
      {!token && <p>This page opens from a link we mail.</p>}
      {token && !failed && <p className="muted">One moment…</p>}
      {failed && (
        <>
          <p id="link-error" className="error">{failed}</p>
          <p><Link to={user ? '/account' : '/login'}>Continue</Link></p>
        </>
      )}
    </section>
  );
}
