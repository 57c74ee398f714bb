import { useCallback, useEffect, useMemo, useState, type ComponentType } from 'react';
import type { UserResponse } from '@auth/client';
import { AppContext, type AppState } from './app-context';
import { auth, logOut, onRenewed, onSessionEnded, problemText } from './auth';
import { Link, navigate, usePath } from './router';
import { Account } from './pages/Account';
import { Activity } from './pages/Activity';
import { External } from './pages/External';
import { ForgotPassword } from './pages/ForgotPassword';
import { LogIn } from './pages/LogIn';
import { Passkeys } from './pages/Passkeys';
import { MailedLink, mailedLinks } from './pages/MailedLink';
import { ResetPassword } from './pages/ResetPassword';
import { Security } from './pages/Security';
import { Sessions } from './pages/Sessions';
import { SignUp } from './pages/SignUp';
import { UnconfirmedNotice } from './pages/UnconfirmedNotice';

/** Pages for a signed-in user; opened signed out (a mailed /sessions link), they ask to sign in first. */
const signedInPages: Record<string, { title: string; page: ComponentType }> = {
  '/account': { title: 'Profile', page: Account },
  '/sessions': { title: 'Sessions', page: Sessions },
  '/activity': { title: 'Activity', page: Activity },
  '/security': { title: 'Two-step verification', page: Security },
  '/passkeys': { title: 'Passkeys', page: Passkeys },
};

// After a reload: the refresh token (stored, or in the cookie) buys a new access token. Once, even in StrictMode.
let resuming: Promise<UserResponse | null> | undefined;
const resume = () => (resuming ??= auth.resume().then((resumed) => (resumed ? auth.user() : null)));

export function App() {
  const path = usePath();
  const [user, setUser] = useState<UserResponse | null>();
  const [message, say] = useState('');
  const [renewedAt, setRenewedAt] = useState<Date>();
  const [passwordChangeRequired, setPasswordChangeRequired] = useState(false);

  useEffect(() => {
    resume().then(setUser, (error: unknown) => {
      setUser(null);
      say(problemText(error, 'The session could not be resumed.'));
    });
    const stopEnded = onSessionEnded(() => {
      setUser(null);
      say('Your session ended. Please sign in again.');
    });
    const stopRenewed = onRenewed(setRenewedAt);
    return () => {
      stopEnded();
      stopRenewed();
    };
  }, []);

  const reloadUser = useCallback(async () => setUser(await auth.user()), []);
  const state: AppState = useMemo(
    () => ({ user: user ?? null, setUser, reloadUser, say, passwordChangeRequired, setPasswordChangeRequired }),
    [user, reloadUser, passwordChangeRequired],
  );

  const logOutHere = async () => {
    try {
      await logOut('local');
      setUser(null);
      say('You are signed out.');
      navigate('/login');
    } catch (error) {
      say(problemText(error));
    }
  };

  return (
    <AppContext.Provider value={state}>
      <header className="top">
        <Link to="/" className="brand" onClick={() => say('')}>Auth sample</Link>
        {user && (
          <div id="signed-in-as">
            <span>Signed in as <strong id="user-name">{user.name}</strong> (<span id="user-email">{user.email}</span>)</span>
            <button id="logout" type="button" onClick={() => void logOutHere()}>Log out</button>
          </div>
        )}
      </header>
      {user && (
        <nav className="tabs">
          {Object.entries(signedInPages).map(([to, { title }]) => (
            <Link key={to} to={to} aria-current={path === to ? 'page' : undefined} onClick={() => say('')}>{title}</Link>
          ))}
        </nav>
      )}
      <main>
        {user && <UnconfirmedNotice />}
        <p id="message" role="status">{message}</p>
        {user === undefined ? <p className="muted">Loading…</p> : <Page path={path} signedIn={user !== null} />}
      </main>
      {user && (
        <footer id="token-status" className="muted">
          {renewedAt ? `Access token renewed at ${renewedAt.toLocaleTimeString()}.` : 'The access token is renewed before it expires.'}
        </footer>
      )}
    </AppContext.Provider>
  );
}

function Page({ path, signedIn }: { path: string; signedIn: boolean }) {
  const link = mailedLinks[path.replace(/^\//, '')];
  if (link) {
    return <MailedLink key={path} link={link} />;
  }

  switch (path) {
    case '/signup':
      return signedIn ? <Redirect to="/account" /> : <SignUp />;
    case '/forgot-password':
      return <ForgotPassword />;
    case '/reset-password':
      return <ResetPassword />;
    case '/login':
      return signedIn ? <Redirect to="/account" /> : <LogIn />;
    case '/external':
      // A provider's way back: a sign-in (signed out) or a link (signed in).
      return <External />;
  }

  const page = signedInPages[path];
  if (page) {
    return signedIn ? <div id="signed-in"><page.page /></div> : <LogIn next={path} />;
  }

  return <Redirect to={signedIn ? '/account' : '/login'} />;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
