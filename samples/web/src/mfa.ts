import { mfaConfirmTotp, mfaDisableTotp, mfaGet, mfaStartTotp } from '../../../clients/typescript/src/index.js';
import type { MfaStatusResponse } from '../../../clients/typescript/src/index.js';
import type { Session } from './session.js';

const element = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** The problem's code and detail (RFC 9457), when the service sent one. */
function problem(error: unknown): { code?: string; detail?: string } {
  return (error as { code?: string; detail?: string } | undefined) ?? {};
}

/**
 * The account's two-step verification: shows whether it is on, enrols an authenticator app (the service sends the
 * QR code as SVG, so no QR library is needed here), shows the recovery codes once, and turns it off.
 */
export class MfaPanel {
  constructor(private readonly session: Session, private readonly say: (text: string) => void) {
    this.onSubmit('mfa-start-form', async ({ currentPassword }, form) => {
      const result = await session.call(() => mfaStartTotp({ body: { currentPassword } }));
      if (!result.data) {
        say(problem(result.error).detail ?? 'Could not start.');
        return;
      }

      form.reset();
      element('mfa-secret').textContent = result.data.secret;
      // The service's own SVG (QRCoder), not user input.
      element('mfa-qr').innerHTML = result.data.qrCodeSvg;
      element('mfa-enrol').hidden = false;
    });

    this.onSubmit('mfa-confirm-form', async ({ code }, form) => {
      const result = await session.call(() => mfaConfirmTotp({ body: { code } }));
      if (!result.data) {
        say(problem(result.error).detail ?? 'The code was not accepted.');
        return;
      }

      form.reset();
      element('mfa-enrol').hidden = true;
      this.showRecoveryCodes(result.data.recoveryCodes);
      say('Two-step verification is on.');
      await this.load();
    });

    this.onSubmit('mfa-disable-form', async ({ code }, form) => {
      const result = await session.call(() => mfaDisableTotp({ body: { code } }));
      if (result.response?.ok) {
        form.reset();
        element('recovery-codes-box').hidden = true;
        say('Two-step verification is off.');
        await this.load();
      } else if (problem(result.error).code === 'mfa_step_up_required') {
        say('Sign out and sign in again with a code from your app to change this.');
      } else {
        say(problem(result.error).detail ?? 'Two-step verification was not turned off.');
      }
    });
  }

  async load(): Promise<void> {
    const result = await this.session.call(() => mfaGet());
    if (result.data) {
      this.show(result.data);
    }
  }

  private show(status: MfaStatusResponse): void {
    element('mfa-status').textContent = status.totpEnabled
      ? `On since ${new Date(status.totpEnabledSince!).toLocaleString()}; ${status.recoveryCodesLeft} recovery codes left.`
      : 'Off.';
    element('mfa-start-form').hidden = status.totpEnabled;
    element('mfa-disable-form').hidden = !status.totpEnabled;
  }

  private showRecoveryCodes(codes: string[]): void {
    element('recovery-codes').replaceChildren(...codes.map((code) => {
      const item = document.createElement('li');
      item.textContent = code;
      return item;
    }));
    element('recovery-codes-box').hidden = false;
  }

  private onSubmit(id: string, handler: (values: Record<string, string>, form: HTMLFormElement) => Promise<void>): void {
    const form = element<HTMLFormElement>(id);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await handler(Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)])), form);
    });
  }
}
