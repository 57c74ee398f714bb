import { useEffect, useState } from 'react';
import type { ExternalSignInResult } from '@auth/client';
import { auth, externalProblemText, listProviders } from '../auth';
import { useApp } from '../app-context';
import { Link, navigate } from '../router';
import { LogIn, type SecondStep } from './LogIn';

// One exchange per return page, even when StrictMode runs the effect twice: its code works once.
const completions = new Map<string, Promise<ExternalSignInResult>>();

/**
 * Where a provider sends the browser back (/external?code=..., ?error=..., or ?linked=... after a link): exchanges
 * the code for the session, asks for the second factor when the account has one, and says in words what went wrong.
 */
export function External() {
  const { user, setUser, say } = useApp();
  const [secondStep, setSecondStep] = useState<SecondStep>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    let current = true;
    const href = location.href;
    if (!completions.has(href)) {
      completions.set(href, auth.completeExternalSignIn(href));
    }

    const finish = async () => {
      let result: ExternalSignInResult | undefined;
      let error: unknown;
      try {
        result = await completions.get(href)!;
      } catch (refusal) {
        error = refusal;
      }

      const query = new URLSearchParams(location.search);
      const id = query.get('provider') ?? query.get('linked') ?? '';
      const name = (await listProviders().catch(() => [])).find((p) => p.id === id)?.displayName ?? 'the provider';
      if (!current) return;
      // The code is spent: a reload or the back button must not offer it again.
      history.replaceState(null, '', '/external');
      if (error !== undefined || result?.status === 'error') {
        const text = externalProblemText(result?.status === 'error' ? result.code : error, name);
        setProblem(text);
        say(text);
      } else if (result?.status === 'signed_in') {
        say('');
        setUser(result.auth.user);
        navigate('/account', { replace: true });
      } else if (result?.status === 'mfa_required' || result?.status === 'mfa_enrollment_required') {
        say(result.status === 'mfa_required' ? 'Enter the code from your authenticator app.' : '');
        setSecondStep(result);
      } else if (result?.status === 'linked') {
        say(`${name} is linked: you can now sign in with it.`);
        navigate('/account', { replace: true });
      } else {
        navigate(auth.signedIn ? '/account' : '/login', { replace: true });
      }
    };

    void finish();
    return () => {
      current = false;
    };
  }, [say, setUser]);

  if (secondStep) {
    return <LogIn secondStep={secondStep} />;
  }

  return (
    <section className="card narrow" id="external">
      <h2>{problem ? 'That did not work' : 'Signing in…'}</h2>
      {problem ? (
        <>
          <p id="external-problem" className="notice" role="alert">{problem}</p>
          <p className="links">
            {user ? <Link to="/account">Back to your profile</Link> : <Link to="/login">Back to log in</Link>}
          </p>
        </>
      ) : (
        <p className="muted">One moment.</p>
      )}
    </section>
  );
}
