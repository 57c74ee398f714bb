import type { TotpEnrolmentResponse } from '@auth/client';
import { Field, Form } from '../form';

/** The QR code (the service's own SVG, so no QR library here), the key to type instead, and the code that turns it on. */
export function TotpSetup({ enrolment, onConfirm }: { enrolment: TotpEnrolmentResponse; onConfirm: (code: string) => Promise<void> }) {
  return (
    <div id="mfa-enrol">
      <p>Scan this code with your authenticator app, or type the key <code id="mfa-secret">{enrolment.secret}</code>.</p>
      {/* The service renders the SVG (QRCoder) from its own secret: no user input reaches it. */}
      <div id="mfa-qr" className="qr" dangerouslySetInnerHTML={{ __html: enrolment.qrCodeSvg }} />
      <Form id="mfa-confirm-form" submit="Turn on" onSubmit={({ code }) => onConfirm(code)}>
        <Field label="Code from the app" name="code" inputMode="numeric" autoComplete="one-time-code" required />
      </Form>
    </div>
  );
}

export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div id="recovery-codes-box" className="notice">
      <p>Your recovery codes. Each signs in once without the app; keep them somewhere safe, they are shown only now.</p>
      <ul id="recovery-codes" className="codes">{codes.map((code) => <li key={code}>{code}</li>)}</ul>
    </div>
  );
}
