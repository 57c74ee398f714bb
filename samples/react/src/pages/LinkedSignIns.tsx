import { useCallback, useEffect, useState } from 'react';
import { AuthApiError, type ExternalIdentityResponse, type ExternalProviderResponse } from '@auth/client';
import { auth, externalProblemText, externalReturnUrl, listProviders, problemText } from '../auth';
import { useApp } from '../app-context';

/**
 * The provider accounts that sign in to this account: "Link <provider>" for each configured provider not linked yet
 * (the browser goes to the provider and comes back to /external), and "Unlink" for each link.
 */
export function LinkedSignIns() {
  const { say } = useApp();
  const [providers, setProviders] = useState<ExternalProviderResponse[]>();
  const [identities, setIdentities] = useState<ExternalIdentityResponse[]>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const [configured, linked] = await Promise.all([listProviders(), auth.listIdentities()]);
      setProviders(configured);
      setIdentities(linked);
    } catch (error) {
      if (auth.signedIn) say(problemText(error));
    }
  }, [say]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!providers || !identities || (providers.length === 0 && identities.length === 0)) {
    return null;
  }

  const nameOf = (id: string) => providers.find((p) => p.id === id)?.displayName ?? id;
  const refused = (error: unknown, provider: string) =>
    error instanceof AuthApiError && error.code === 'last_sign_in_method'
      ? `${provider} is the only way into your account, so it stays linked. Set a password ("Forgot your password?" on the log-in page) or add a passkey first.`
      : error instanceof AuthApiError && error.code === 'mfa_step_up_required'
        ? 'Log out and sign in again with your second factor to change your linked sign-ins.'
        : externalProblemText(error, provider);

  const link = async (provider: ExternalProviderResponse) => {
    setBusy(true);
    try {
      // Navigates away; the provider sends the browser back to /external?linked=...
      await auth.linkProvider(provider.id, externalReturnUrl());
    } catch (error) {
      say(refused(error, provider.displayName));
      setBusy(false);
    }
  };

  const unlink = async (identity: ExternalIdentityResponse) => {
    setBusy(true);
    try {
      await auth.unlinkIdentity(identity.id);
      say(`${nameOf(identity.provider)} is unlinked: it no longer signs in to this account.`);
    } catch (error) {
      say(refused(error, nameOf(identity.provider)));
    } finally {
      setBusy(false);
    }

    await load();
  };

  const unlinked = providers.filter((p) => !identities.some((i) => i.provider === p.id));
  return (
    <section className="card" id="linked-sign-ins">
      <h3>Linked sign-ins</h3>
      <p className="muted">Accounts at other services that sign in to this one.</p>
      <ul id="identities" className="rows">
        {identities.map((identity) => (
          <li key={identity.id} data-provider={identity.provider}>
            <div>
              <strong className="identity-provider">{nameOf(identity.provider)}</strong>
              <div className="muted">
                {identity.email ?? 'no address shared'} · linked {new Date(identity.linkedAt).toLocaleDateString()} · last used {new Date(identity.lastUsedAt).toLocaleString()}
              </div>
            </div>
            <button type="button" disabled={busy} onClick={() => void unlink(identity)}>Unlink</button>
          </li>
        ))}
      </ul>
      {identities.length === 0 && <p className="muted">None yet.</p>}
      {unlinked.length > 0 && (
        <div className="actions">
          {unlinked.map((provider) => (
            <button key={provider.id} type="button" disabled={busy} data-provider={provider.id} onClick={() => void link(provider)}>
              Link {provider.displayName}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
