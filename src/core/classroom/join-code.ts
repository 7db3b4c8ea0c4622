/**
 * Join codes and secrets from an injected source of random bytes (crypto on the server, a seeded
 * source in tests). Rejection sampling keeps every character equally likely.
 */
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../shared/classroom-ids.ts';

/** Fills the array with random bytes. */
export type RandomBytes = (bytes: Uint8Array) => void;

export function randomFrom(alphabet: string, length: number, random: RandomBytes): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  const buffer = new Uint8Array(length * 2);
  while (out.length < length) {
    random(buffer);
    for (const b of buffer) {
      if (b < limit && out.length < length) out += alphabet[b % alphabet.length];
    }
  }
  return out;
}

/** A join code none of `taken` has; tries a few times before saying the space is crowded. */
export function newJoinCode(random: RandomBytes, isTaken: (code: string) => boolean): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const code = randomFrom(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, random);
    if (!isTaken(code)) return code;
  }
  throw new Error('could not find a free join code after 50 tries');
}

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A 40-character secret (240 bits): trainer keys and player tokens. */
export function newSecret(random: RandomBytes): string {
  return randomFrom(SECRET_ALPHABET, 40, random);
}

/** Approximate count of possible join codes, for the README's claim that codes are hard to guess. */
export const JOIN_CODE_SPACE = JOIN_CODE_ALPHABET.length ** JOIN_CODE_LENGTH;
