/**
 * Who the caller looks and sounds like, read from the scenario's own customer data: the title or
 * relationship given ("Mrs", "daughter of…"), the date of birth on record when the caller is the
 * account holder, and a hash of the name for the rest. The same scenario always gives the same person.
 */
import type { Scenario } from '../model/scenario-schema.ts';

export type AgeBand = 'young' | 'middle' | 'older';
/** Only what the file says: a title or a relationship word. Nothing is guessed from first names. */
export type Presentation = 'feminine' | 'masculine' | 'unstated';
export type HairStyle = 'short' | 'long' | 'bun' | 'curly' | 'cropped' | 'receding';

export interface PersonaVoice {
  /** 0.5-1.5 around the browser's default of 1. */
  readonly pitch: number;
  /** 0.8-1.2: older callers slower, agitated callers are sped up live (see `voiceFor`). */
  readonly rate: number;
  /** Which of the available voices to prefer, when the browser names them. */
  readonly prefer: 'female' | 'male' | 'any';
  /** Picks among equally good voices, so two callers do not share one. */
  readonly pick: number;
}

export interface Persona {
  readonly name: string;
  readonly age: AgeBand;
  readonly presentation: Presentation;
  readonly skin: number;
  readonly hair: number;
  readonly hairStyle: HairStyle;
  readonly top: number;
  readonly glasses: boolean;
  readonly beard: boolean;
  /** The colour of the caller's own room behind them. */
  readonly room: number;
  readonly voice: PersonaVoice;
}

type Customer = Pick<Scenario, 'customer' | 'crm'>;

const SKIN = [0xf1c7a5, 0xe0ac84, 0xc68a5e, 0x9c6644, 0x6f4a32, 0xf6d7c0];
const HAIR = [0x2b1d14, 0x4a3020, 0x7a4e2a, 0xb58545, 0x1c1c1c, 0x8c2f1b];
const GREY_HAIR = [0xb9b4ac, 0xd8d4cc, 0x9a948c];
const TOPS = [0x2f6f8f, 0x8f3b4a, 0x3f7a4a, 0x6b4f8f, 0xb0763a, 0x44546a, 0x9a7b2f];
const ROOMS = [0x3b3550, 0x2f4a44, 0x4a3a30, 0x33414f, 0x45324a];

/** FNV-1a: a stable small hash of the name, so a caller keeps their look from call to call. */
export function nameHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

const FEMININE = /\b(mrs|ms|miss|daughter|wife|widow|mother|mum|sister|grand(daughter|mother)|aunt|niece)\b/i;
const MASCULINE = /\b(mr|son|husband|widower|father|dad|brother|grand(son|father)|uncle|nephew)\b/i;

function presentationOf(customer: Customer): Presentation {
  const named = customer.crm.fields.filter((f) => /name|customer|member/i.test(f.key) || /name|customer|member/i.test(f.label)).map((f) => f.value);
  // A relationship speaks of the caller ("daughter of the member, Mr …"): only its first words count.
  const relation = (customer.customer.relationship ?? '').split(/[,;]| of /)[0] ?? '';
  const texts = customer.customer.role === 'holder' ? [relation, ...named] : [relation];
  for (const text of texts) {
    const f = FEMININE.test(text);
    const m = MASCULINE.test(text);
    if (f !== m) return f ? 'feminine' : 'masculine';
  }
  return 'unstated';
}

/** Age from a dd/mm/yyyy date of birth on record; null when there is none or it is not the caller's. */
export function ageFrom(customer: Customer, year: number): number | null {
  if (customer.customer.role !== 'holder') return null;
  const born = customer.crm.fields.find((f) => /birth|dob/i.test(f.key))?.value.match(/(\d{1,2})\/(\d{1,2})\/(\d{4})/);
  if (!born) return null;
  const age = year - Number(born[3]);
  return age > 0 && age < 120 ? age : null;
}

function ageBand(customer: Customer, year: number, hash: number): AgeBand {
  const age = ageFrom(customer, year);
  if (age !== null) return age < 33 ? 'young' : age < 58 ? 'middle' : 'older';
  if (/\bwidow(er)?\b|retired|pension/i.test(customer.customer.relationship ?? '')) return 'older';
  return (['young', 'middle', 'middle', 'older'] as const)[hash % 4]!;
}

const pickOf = <T>(list: readonly T[], hash: number, salt: number): T => list[(((hash >>> salt) ^ Math.imul(hash, salt + 1)) >>> 0) % list.length]!;

export function personaFor(customer: Customer, year: number): Persona {
  const name = customer.customer.name;
  const hash = nameHash(name);
  const age = ageBand(customer, year, hash);
  const presentation = presentationOf(customer);
  const styles: readonly HairStyle[] =
    presentation === 'feminine' ? ['long', 'bun', 'curly', 'short'] : presentation === 'masculine' ? (age === 'older' ? ['receding', 'short', 'cropped'] : ['short', 'cropped', 'curly']) : ['short', 'curly', 'cropped', 'long'];
  const pitchBase = presentation === 'feminine' ? 1.15 : presentation === 'masculine' ? 0.85 : 1;
  const ageShift = age === 'young' ? 0.06 : age === 'older' ? -0.08 : 0;
  return {
    name,
    age,
    presentation,
    skin: pickOf(SKIN, hash, 3),
    hair: age === 'older' ? pickOf(GREY_HAIR, hash, 5) : pickOf(HAIR, hash, 5),
    hairStyle: pickOf(styles, hash, 7),
    top: pickOf(TOPS, hash, 11),
    glasses: age === 'older' || (hash >>> 13) % 3 === 0,
    beard: presentation === 'masculine' && (hash >>> 17) % 2 === 0,
    room: pickOf(ROOMS, hash, 19),
    voice: {
      pitch: Math.round((pitchBase + ageShift + (((hash >>> 21) % 7) - 3) * 0.02) * 100) / 100,
      rate: age === 'older' ? 0.9 : age === 'young' ? 1.05 : 1,
      prefer: presentation === 'feminine' ? 'female' : presentation === 'masculine' ? 'male' : 'any',
      pick: (hash >>> 24) % 8,
    },
  };
}
