/** Chooses a browser voice for a caller: English first (British preferred), then by the named preference. */
import type { PersonaVoice } from '../core/persona/persona.ts';

export interface NamedVoice {
  readonly name: string;
  readonly lang: string;
}

const FEMALE = /female|woman|\b(libby|sonia|maisie|hazel|susan|kate|serena|fiona|moira|tessa|karen|samantha|victoria|zira|aria|jenny|emma|amy|olivia)\b/i;
const MALE = /\bmale\b|\bman\b|\b(ryan|thomas|george|daniel|oliver|arthur|alex|fred|david|mark|guy|brian|james|rishi)\b/i;

export function pickVoice<V extends NamedVoice>(voices: readonly V[], wanted: PersonaVoice): V | null {
  const english = voices.filter((v) => v.lang.toLowerCase().startsWith('en'));
  if (english.length === 0) return null;
  const british = english.filter((v) => /en[-_]gb/i.test(v.lang));
  const pool = british.length >= 2 ? british : english;
  const named = wanted.prefer === 'any' ? pool : pool.filter((v) => (wanted.prefer === 'female' ? FEMALE.test(v.name) && !/\bmale\b/i.test(v.name) : MALE.test(v.name) && !/female/i.test(v.name)));
  const from = named.length > 0 ? named : pool;
  return from[wanted.pick % from.length] ?? null;
}
