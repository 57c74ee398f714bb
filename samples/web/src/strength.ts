import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * The strength meter: zxcvbn-ts over @zxcvbn-ts/language-common, whose password list is the one the service
 * embeds (same package and version, see src/Auth.Infrastructure/Security/Passwords/Blocklist/SOURCE.md), so what
 * the meter calls weak is what the service refuses, and the user learns it before submitting.
 */
const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

const labels = ['very weak', 'weak', 'fair', 'strong', 'very strong'];

/** What the service says for each of its `reasons` (weak_password). */
export const reasonText: Record<string, string> = {
  too_common: 'It is one of the most common passwords, even with capitals, digits or symbols added.',
  contains_personal_info: 'It is made from your email address or name.',
  repetitive: 'It repeats characters or follows a keyboard or number sequence.',
  breached: 'It has appeared in known data breaches.',
};

/** Wires a <meter> and its label to a password field; `userInputs` gives the email and name fields' current values. */
export function attachMeter(input: HTMLInputElement, meter: HTMLMeterElement, label: HTMLElement, userInputs: () => string[]): void {
  const update = (): void => {
    if (input.value === '') {
      meter.value = 0;
      label.textContent = '';
      return;
    }

    const result = zxcvbn.check(input.value, userInputs().filter((v) => v !== ''));
    meter.value = result.score;
    label.textContent = `Strength: ${labels[result.score]}`;
    label.dataset.score = String(result.score);
  };
  input.addEventListener('input', update);
}

/** Lists the service's reasons next to the field, or clears them. */
export function showReasons(list: HTMLElement, reasons: string[] | undefined): void {
  list.replaceChildren(...(reasons ?? []).map((reason) => {
    const item = document.createElement('li');
    item.dataset.reason = reason;
    item.textContent = reasonText[reason] ?? reason;
    return item;
  }));
}
