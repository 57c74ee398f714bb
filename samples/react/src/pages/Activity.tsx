import { useCallback, useEffect, useState } from 'react';
import { activityList, type ActivityEventResponse } from '@auth/client';
import { auth, problemText, send } from '../auth';
import { useApp } from '../app-context';

/** What each security event means to the person reading their own history. */
const labels: Record<string, string> = {
  SignedUp: 'Account created',
  LoginSucceeded: 'Signed in',
  LoginFailed: 'Failed sign-in attempt',
  LockedOut: 'Sign-in locked after failed attempts',
  LoggedOut: 'Signed out',
  PasswordChanged: 'Password changed',
  PasswordResetRequested: 'Password reset requested',
  PasswordReset: 'Password reset',
  EmailConfirmed: 'Email address confirmed',
  MfaEnabled: 'Two-step verification turned on',
  MfaDisabled: 'Two-step verification turned off',
  MfaResetByAdmin: 'Two-step verification reset by an administrator',
  RecoveryCodesRegenerated: 'New recovery codes made',
  RecoveryCodeUsed: 'Signed in with a recovery code',
  MfaCodeFailed: 'Wrong two-step verification code',
  SessionEndedByLimit: 'Oldest idle session ended (too many sessions)',
  ProfileUpdated: 'Profile changed',
  RefreshTokenReused: 'Session ended: its token was used twice',
  RoleGranted: 'Role granted by an administrator',
  RoleRevoked: 'Role removed by an administrator',
  AccountDisabled: 'Account disabled by an administrator',
  AccountEnabled: 'Account enabled by an administrator',
  SessionsEndedByAdmin: 'Sessions ended by an administrator',
  BootstrapAdminOnConfirmation: 'Made an administrator (bootstrap address confirmed)',
  BootstrapAdminAtStart: 'Made an administrator (bootstrap address, at start)',
  BootstrapAdminByCommandLine: 'Made an administrator (create-admin command)',
  EmailChangeRequested: 'Email change requested',
  EmailChanged: 'Email address changed',
  EmailChangeCancelled: 'Email change cancelled',
  PasskeyRegistered: 'Passkey added',
  PasskeyRenamed: 'Passkey renamed',
  PasskeyRemoved: 'Passkey deleted',
  PasskeyRefused: 'Passkey refused',
  PasskeyCounterRegressed: 'Passkey refused: it may have been copied',
};

const pageSize = 20;

/** The account's own security events (GET /auth/activity), newest first, a page at a time. */
export function Activity() {
  const { say } = useApp();
  const [page, setPage] = useState(1);
  const [events, setEvents] = useState<{ items: ActivityEventResponse[]; total: number }>();

  const load = useCallback(async () => {
    try {
      const result = await send(activityList({ client: auth.client, query: { page, pageSize } }));
      setEvents({ items: result.items ?? [], total: result.total ?? 0 });
    } catch (error) {
      if (auth.signedIn) say(problemText(error, 'The activity could not be loaded.'));
    }
  }, [page, say]);

  useEffect(() => {
    void load();
  }, [load]);

  const pages = Math.max(1, Math.ceil((events?.total ?? 0) / pageSize));
  return (
    <section className="card">
      <h2>Activity</h2>
      <p className="muted">Sign-ins, failed attempts and changes to your account, newest first. Not you? End the session and change your password.</p>
      <p><button id="reload-activity" type="button" onClick={() => void load()}>Reload</button></p>
      <ol id="activity" className="rows">
        {events?.items.map((e) => (
          <li key={e.id} data-type={e.type}>
            <div>
              <strong>{labels[e.type] ?? e.type}</strong>{e.byAdministrator && <span className="badge warn">administrator</span>}
              <div className="muted">
                {new Date(e.at).toLocaleString()}{[e.device, e.clientAddress].filter(Boolean).map((part) => ` · ${part}`)}
              </div>
            </div>
          </li>
        ))}
      </ol>
      {pages > 1 && (
        <p className="actions">
          <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>Newer</button>
          <span className="muted">page {page} of {pages}</span>
          <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>Older</button>
        </p>
      )}
    </section>
  );
}
