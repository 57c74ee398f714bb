import { passkeysList, passkeysRegister, passkeysRegistrationOptions, passkeysRemove, passkeysRename } from '../../../clients/typescript/src/index.js';
import type { PasskeyResponse } from '../../../clients/typescript/src/index.js';
import type { Session } from './session.js';

const element = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** The problem's code and detail (RFC 9457), when the service sent one. */
function problem(error: unknown): { code?: string; detail?: string } {
  return (error as { code?: string; detail?: string } | undefined) ?? {};
}

/** Runs `navigator.credentials.create` on the service's creation options (JSON) and gives back the credential's JSON. */
export async function createPasskey(options: unknown): Promise<PublicKeyCredentialJSON> {
  const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(options as PublicKeyCredentialCreationOptionsJSON);
  const credential = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential;
  return credential.toJSON();
}

/** Runs `navigator.credentials.get` on the service's request options (JSON) and gives back the assertion's JSON. */
export async function getPasskey(options: unknown): Promise<PublicKeyCredentialJSON> {
  const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(options as PublicKeyCredentialRequestOptionsJSON);
  const credential = (await navigator.credentials.get({ publicKey })) as PublicKeyCredential;
  return credential.toJSON();
}

/** The account's passkeys: add one with this device's authenticator, rename or delete each. */
export class PasskeyPanel {
  constructor(private readonly session: Session, private readonly say: (text: string) => void) {
    element('add-passkey').addEventListener('click', () => void this.add());
  }

  async load(): Promise<void> {
    const result = await this.session.call(() => passkeysList());
    if (result.data) {
      this.show(result.data);
    }
  }

  private async add(): Promise<void> {
    const options = await this.session.call(() => passkeysRegistrationOptions());
    if (!options.data) {
      this.say(problem(options.error).code === 'mfa_step_up_required'
        ? 'Sign out and sign in again with your second factor to add a passkey.'
        : problem(options.error).detail ?? 'Could not start adding a passkey.');
      return;
    }

    let attestation: PublicKeyCredentialJSON;
    try {
      attestation = await createPasskey(options.data);
    } catch {
      this.say('No passkey was made.');
      return;
    }

    const name = element<HTMLInputElement>('passkey-name').value.trim() || undefined;
    const registered = await this.session.call(() => passkeysRegister({ body: { attestation, name } }));
    if (registered.data) {
      element<HTMLInputElement>('passkey-name').value = '';
      this.say('Passkey added.');
      await this.load();
    } else {
      this.say(problem(registered.error).detail ?? 'The passkey was not added.');
    }
  }

  private show(passkeys: PasskeyResponse[]): void {
    element('passkey-list').replaceChildren(...passkeys.map((passkey) => {
      const item = document.createElement('li');
      item.dataset.passkeyId = passkey.id;
      const label = document.createElement('span');
      label.className = 'passkey-name';
      label.textContent = passkey.name;
      const used = passkey.lastUsedAt ? `last used ${new Date(passkey.lastUsedAt).toLocaleString()}` : 'not used yet';
      const details = document.createTextNode(` (${passkey.backupEligible ? 'synced' : 'this device only'}, ${used}) `);
      const newName = document.createElement('input');
      newName.name = 'name';
      newName.setAttribute('aria-label', `New name for ${passkey.name}`);
      const rename = this.button('Rename', async () => {
        const result = await this.session.call(() => passkeysRename({ path: { id: passkey.id }, body: { name: newName.value } }));
        this.say(result.data ? 'Passkey renamed.' : problem(result.error).detail ?? 'The passkey was not renamed.');
        await this.load();
      });
      const remove = this.button('Delete', async () => {
        const result = await this.session.call(() => passkeysRemove({ path: { id: passkey.id } }));
        this.say(result.response?.ok ? 'Passkey deleted.' : problem(result.error).detail ?? 'The passkey was not deleted.');
        await this.load();
      });
      item.append(label, details, newName, rename, remove);
      return item;
    }));
  }

  private button(text: string, onClick: () => Promise<void>): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.addEventListener('click', () => void onClick());
    return button;
  }
}
