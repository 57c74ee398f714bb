import { useCallback, useEffect, useState } from 'react';
import {
  AuthApiError, passkeysList, passkeysRegister, passkeysRegistrationOptions, passkeysRemove, passkeysRename,
  type PasskeyResponse,
} from '@auth/client';
import { auth, problemText, send } from '../auth';
import { useApp } from '../app-context';
import { createPasskey, isCeremonyError } from '../passkeys';

/** The account's passkeys: add one with this device's authenticator, rename or delete each. */
export function Passkeys() {
  const { say } = useApp();
  const [passkeys, setPasskeys] = useState<PasskeyResponse[]>();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setPasskeys(await send(passkeysList({ client: auth.client })));
    } catch (error) {
      if (auth.signedIn) say(problemText(error));
    }
  }, [say]);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      say(await work());
    } catch (error) {
      say(isCeremonyError(error) ? 'No passkey was made.'
        : error instanceof AuthApiError && error.code === 'mfa_step_up_required'
          ? 'Log out and sign in again with your second factor to change your passkeys.'
          : problemText(error));
    } finally {
      setBusy(false);
    }

    await load();
  };

  const add = () => act(async () => {
    const options = await send(passkeysRegistrationOptions({ client: auth.client }));
    const attestation = await createPasskey(options);
    await send(passkeysRegister({ client: auth.client, body: { attestation, name: name.trim() || undefined } }));
    setName('');
    return 'Passkey added.';
  });

  return (
    <section className="card" id="passkeys">
      <h2>Passkeys</h2>
      <p className="muted">A passkey signs in without a password, with this device's screen lock or a security key.</p>
      <div className="actions">
        <label>
          <span>Name (optional)</span>
          <input id="passkey-name" autoComplete="off" maxLength={64} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button id="add-passkey" type="button" disabled={busy} onClick={() => void add()}>Add a passkey</button>
      </div>
      <ul id="passkey-list" className="rows">
        {passkeys?.map((passkey) => <PasskeyItem key={passkey.id} passkey={passkey} busy={busy} act={act} />)}
      </ul>
      {passkeys?.length === 0 && <p className="muted">No passkeys yet.</p>}
    </section>
  );
}

function PasskeyItem({ passkey, busy, act }: { passkey: PasskeyResponse; busy: boolean; act: (work: () => Promise<string>) => Promise<void> }) {
  const [newName, setNewName] = useState('');
  const used = passkey.lastUsedAt ? `last used ${new Date(passkey.lastUsedAt).toLocaleString()}` : 'not used yet';
  return (
    <li data-passkey-id={passkey.id}>
      <div>
        <strong className="passkey-name">{passkey.name}</strong>
        <div className="muted">{passkey.backupEligible ? 'synced' : 'this device only'} · added {new Date(passkey.createdAt).toLocaleDateString()} · {used}</div>
      </div>
      <div className="actions">
        <input name="name" aria-label={`New name for ${passkey.name}`} value={newName} onChange={(e) => setNewName(e.target.value)} />
        <button type="button" disabled={busy} onClick={() => void act(async () => {
          await send(passkeysRename({ client: auth.client, path: { id: passkey.id }, body: { name: newName } }));
          return 'Passkey renamed.';
        })}>Rename</button>
        <button type="button" disabled={busy} onClick={() => void act(async () => {
          await send(passkeysRemove({ client: auth.client, path: { id: passkey.id } }));
          return 'Passkey deleted.';
        })}>Delete</button>
      </div>
    </li>
  );
}
