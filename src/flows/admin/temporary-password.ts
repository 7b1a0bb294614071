import type { PasswordPolicy } from "../../store/records.js";

const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER = "abcdefghijkmnopqrstuvwxyz";
const DIGITS = "23456789";
/** A subset of Cognito's symbols that survives email, SMS and copy-paste unharmed. */
const SYMBOLS = "^$*.[]{}()?!@#%&/,><:;|_~=+-";
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

/** Generated temporary passwords are never shorter than this, whatever the policy allows. */
const MIN_GENERATED = 12;

function pick(random: (n: number) => Buffer, alphabet: string): string {
  return alphabet[uniform(random, alphabet.length)]!;
}

/**
 * A temporary password that satisfies the pool's policy (docs/cognito.md §2.13: generated when absent): one
 * character of every class, the rest from all classes, then shuffled (Fisher-Yates) so the
 * classes sit at no fixed position. Ambiguous characters (0/O, 1/l/I) are left out for readers.
 */
export function temporaryPassword(random: (n: number) => Buffer, policy: PasswordPolicy): string {
  const length = Math.max(policy.minimumLength, MIN_GENERATED);
  const chars = [pick(random, UPPER), pick(random, LOWER), pick(random, DIGITS), pick(random, SYMBOLS)];
  while (chars.length < length) chars.push(pick(random, ALL));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = uniform(random, i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
}

/** An integer in [0, bound) for bound ≤ 256, by rejection sampling over single bytes (no modulo bias). */
function uniform(random: (n: number) => Buffer, bound: number): number {
  const limit = 256 - (256 % bound);
  for (;;) {
    const byte = random(1)[0]!;
    if (byte < limit) return byte % bound;
  }
}
