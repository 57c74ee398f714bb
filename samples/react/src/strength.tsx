import { useState } from 'react';
import { Field } from './form';

const labels = ['very weak', 'weak', 'fair', 'strong', 'very strong'];

/** What the service says for each of its `reasons` (weak_password). */
const reasonText: Record<string, string> = {
  too_common: 'It is one of the most common passwords, even with capitals, digits or symbols added.',
  contains_personal_info: 'It is made from your email address or name.',
  repetitive: 'It repeats characters or follows a keyboard or number sequence.',
  breached: 'It has appeared in known data breaches.',
};

// zxcvbn-ts and its dictionary are loaded on the first keystroke, not with the app.
let checker: Promise<(password: string, userInputs: string[]) => number> | undefined;
const loadChecker = () => (checker ??= import('./zxcvbn').then((m) => m.score));

/**
 * A new password's field with a strength meter (zxcvbn-ts over the password list the service embeds, so what the
 * meter calls weak is what the service refuses) and, after a refusal, the service's reasons next to it.
 */
export function NewPasswordField({ id, name, label, userInputs, reasons }: {
  id: string;
  name: string;
  label: string;
  /** The email and name, which a password must not be made of. */
  userInputs: () => string[];
  reasons: string[];
}) {
  const [score, setScore] = useState<number>();

  const rate = async (password: string) => {
    if (password === '') {
      setScore(undefined);
      return;
    }

    const check = await loadChecker();
    setScore(check(password, userInputs().filter((v) => v !== '')));
  };

  return (
    <>
      <Field label={label} name={name} type="password" autoComplete="new-password" minLength={8} required
        onInput={(event) => void rate(event.currentTarget.value)} />
      <div className="strength">
        <meter id={`${id}-strength`} min={0} max={4} low={2} high={3} optimum={4} value={score ?? 0} />
        <span id={`${id}-strength-label`} data-score={score}>{score === undefined ? '' : `Strength: ${labels[score]}`}</span>
      </div>
      <ul id={`${id}-reasons`} className="reasons">
        {reasons.map((reason) => <li key={reason} data-reason={reason}>{reasonText[reason] ?? reason}</li>)}
      </ul>
    </>
  );
}
