import { useCallback, useEffect, useState } from 'react';
import type { LogoutScope, SessionResponse } from '@auth/client';
import { auth, logOut, problemText } from '../auth';
import { useApp } from '../app-context';
import { describeDevice } from '../device';
import { navigate } from '../router';

/** Where this account is signed in; end any other session, or several at once. */
export function Sessions() {
  const { setUser, say } = useApp();
  const [sessions, setSessions] = useState<SessionResponse[]>();

  const load = useCallback(async () => {
    try {
      setSessions((await auth.sessions({ query: { pageSize: 100 } })).items ?? []);
    } catch (error) {
      if (auth.signedIn) say(problemText(error, 'The sessions could not be loaded.'));
    }
  }, [say]);

  useEffect(() => {
    void load();
  }, [load]);

  const end = async (id: string) => {
    try {
      await auth.endSession(id);
      say('The session ended.');
    } catch (error) {
      say(problemText(error));
    }

    await load();
  };

  const logOutOf = async (scope: LogoutScope) => {
    try {
      await logOut(scope);
    } catch (error) {
      say(problemText(error));
      return;
    }

    if (scope === 'others') {
      say('Every other session ended.');
      await load();
    } else {
      setUser(null);
      say('You are signed out everywhere.');
      navigate('/login');
    }
  };

  return (
    <section className="card">
      <h2 id="sessions-heading">Sessions</h2>
      <p className="muted">Where your account is signed in, most recently used first. Not you? End it and change your password.</p>
      <ul id="sessions" className="rows">
        {sessions?.map((s) => (
          <li key={s.id} data-session-id={s.id} className={s.current ? 'current' : undefined}>
            <div>
              <strong className="device">{describeDevice(s.userAgent)}</strong>
              {s.current && <span className="badge ok">this browser</span>}
              <div className="muted">
                {s.clientAddress ?? 'unknown address'} · signed in {new Date(s.createdAt).toLocaleString()} · last used{' '}
                {new Date(s.lastUsedAt).toLocaleString()}{s.aal === 'aal2' ? ' · two-step' : ''}
              </div>
            </div>
            {!s.current && <button type="button" className="end" onClick={() => void end(s.id)}>End</button>}
          </li>
        ))}
      </ul>
      <p className="actions">
        <button id="logout-others" type="button" onClick={() => void logOutOf('others')}>Log out other sessions</button>
        <button id="logout-everywhere" type="button" onClick={() => void logOutOf('global')}>Log out everywhere</button>
      </p>
    </section>
  );
}
