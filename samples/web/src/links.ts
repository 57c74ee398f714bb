import { emailCancelChange, emailConfirm, emailConfirmChange } from '../../../clients/typescript/src/index.js';

/** What the service's mails link to (`{Email:LinkBaseUrl}/<page>?token=`), and what the app does with the token. */
const pages: Record<string, { post: (token: string) => Promise<{ error?: unknown; response?: Response }>; done: string; failed: string }> = {
  'confirm-email': {
    post: (token) => emailConfirm({ body: { token } }),
    done: 'Your email address is confirmed.',
    failed: 'The email address was not confirmed.',
  },
  'confirm-email-change': {
    post: (token) => emailConfirmChange({ body: { token } }),
    done: 'Your email address was changed: sign in with the new one from now on.',
    failed: 'The email address was not changed.',
  },
  'cancel-email-change': {
    post: (token) => emailCancelChange({ body: { token } }),
    done: 'The email change was cancelled; your address stays as it was. If you did not ask for it, change your password.',
    failed: 'The email change was not cancelled.',
  },
};

/**
 * Posts the token of a mailed link, when this load came from one: the link's page (confirm-email/,
 * confirm-email-change/ and cancel-email-change/ beside index.html) hands it over as `?link=<page>&token=...`. The token leaves the address bar
 * and history at once, so it is not bookmarked or sent on as a referrer.
 * @returns What to tell the user, or undefined when no link was followed.
 */
export async function followMailedLink(describe: (error: unknown, fallback: string) => string): Promise<string | undefined> {
  const query = new URLSearchParams(location.search);
  const page = pages[query.get('link') ?? ''];
  const token = query.get('token');
  if (!page || !token) {
    return undefined;
  }

  query.delete('link');
  query.delete('token');
  history.replaceState(null, '', query.size > 0 ? `${location.pathname}?${query}` : location.pathname);
  const result = await page.post(token);
  return result.response?.ok ? page.done : describe(result.error, page.failed);
}
