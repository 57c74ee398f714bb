import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

// @zxcvbn-ts/language-common's password list is the one the service embeds (same package and version, see
// src/Auth.Infrastructure/Security/Passwords/Blocklist/SOURCE.md).
const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

export function score(password: string, userInputs: string[]): number {
  return zxcvbn.check(password, userInputs).score;
}
