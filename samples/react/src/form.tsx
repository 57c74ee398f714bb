import { useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { AuthApiError } from '@auth/client';
import { auth, problemText } from './auth';
import { useApp } from './app-context';

/**
 * A form whose submit runs `onSubmit` with its fields, disables the button meanwhile, and tells the user what went
 * wrong. Emptied after success unless `onSubmit` returns false.
 */
export function Form({ id, title, submit, onSubmit, children, className }: {
  id: string;
  title?: string;
  submit: string;
  onSubmit: (values: Record<string, string>) => Promise<boolean | void>;
  children?: ReactNode;
  className?: string;
}) {
  const { say } = useApp();
  const [busy, setBusy] = useState(false);

  const handle = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)]));
    setBusy(true);
    try {
      if ((await onSubmit(values)) !== false) {
        form.reset();
      }
    } catch (error) {
      // The session ended while the call travelled: onSessionEnded already said so.
      if (!(error instanceof AuthApiError && error.code === 'invalid_token' && !auth.signedIn)) {
        say(problemText(error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form id={id} onSubmit={handle} className={className}>
      {title && <h3>{title}</h3>}
      {children}
      <button type="submit" disabled={busy}>{submit}</button>
    </form>
  );
}

export function Field({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label>
      <span>{label}</span>
      <input {...input} />
    </label>
  );
}
