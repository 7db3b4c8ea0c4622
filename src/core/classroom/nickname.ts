/**
 * Nickname rules: 2-20 characters of letters (one alphabet per name), decimal digits, spaces and
 * . _ - '; compatibility forms (fullwidth, mathematical bold) folded with NFKC; no invisible fillers;
 * no offensive words (checked on the folded name, after undoing disguises such as "4" for "a" and
 * Cyrillic "а" for "a"); a name that looks like one already taken in the room gets a number ("Sam 2").
 */
import { scriptsOf, skeleton } from './confusables.ts';

export const NICKNAME_MIN = 2;
export const NICKNAME_MAX = 20;

/** Words refused in a nickname, matched after folding disguises. Kept short and plain on purpose. */
const BLOCKED = Object.freeze([
  'fuck', 'shit', 'cunt', 'bitch', 'bastard', 'wank', 'twat', 'dick', 'cock', 'pussy', 'arse', 'asshole',
  'slut', 'whore', 'nigger', 'nigga', 'faggot', 'fag', 'retard', 'spastic', 'paki', 'nazi', 'hitler', 'rape', 'porn', 'penis', 'vagina',
]);
/** Whole-word only, so "Cockburn" or "Dickens" or "Scunthorpe" stay allowed where they can. */
const WHOLE_WORD_ONLY = new Set(['dick', 'cock', 'arse', 'fag', 'paki', 'rape', 'twat']);
/** Matched at the start of a word, so a town like Scunthorpe is not refused. */
const WORD_START_ONLY = new Set(['cunt']);

const DISGUISES: Readonly<Record<string, string>> = Object.freeze({ '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '!': 'i' });

export type NicknameCheck = { ok: true; nickname: string } | { ok: false; reason: string };

function fold(text: string): string {
  return skeleton(text).replace(/[0134578@$!]/g, (c) => DISGUISES[c] ?? c);
}

function isOffensive(name: string): boolean {
  const folded = fold(name);
  const squashed = folded.replace(/[^a-z]/g, '');
  const words = folded.split(/[^a-z]+/).filter(Boolean);
  return BLOCKED.some((w) => {
    if (squashed === w) return true;
    if (WHOLE_WORD_ONLY.has(w)) return words.includes(w);
    if (WORD_START_ONLY.has(w)) return words.some((word) => word.startsWith(w));
    return squashed.includes(w);
  });
}

/** Tidies and checks a nickname as typed. */
export function checkNickname(raw: string): NicknameCheck {
  if (/[\p{Default_Ignorable_Code_Point}\p{Cf}]/u.test(raw)) return { ok: false, reason: 'A nickname cannot contain invisible characters.' };
  const nickname = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const length = [...nickname].length;
  if (length < NICKNAME_MIN) return { ok: false, reason: `A nickname needs at least ${NICKNAME_MIN} characters.` };
  if (length > NICKNAME_MAX) return { ok: false, reason: `A nickname can have at most ${NICKNAME_MAX} characters.` };
  if (!/^[\p{L}\p{M}\p{Nd} ._'-]+$/u.test(nickname)) return { ok: false, reason: "Use letters, digits, spaces and . _ - ' only." };
  if (!/[\p{L}\p{Nd}]/u.test(nickname)) return { ok: false, reason: 'A nickname needs at least one letter or digit.' };
  if (scriptsOf(nickname).size > 1) return { ok: false, reason: 'Write a nickname in one alphabet (letters that only look alike are not allowed).' };
  if (isOffensive(nickname)) return { ok: false, reason: 'Please choose a different nickname.' };
  return { ok: true, nickname };
}

/** Returns `nickname`, or "nickname 2", "nickname 3"… when the room already has one that looks the same (keys from `nicknameKey`). */
export function uniqueNickname(nickname: string, taken: ReadonlySet<string>): string {
  const key = nicknameKey;
  if (!taken.has(key(nickname))) return nickname;
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const base = [...nickname].slice(0, NICKNAME_MAX - suffix.length).join('').trimEnd();
    const candidate = `${base}${suffix}`;
    if (!taken.has(key(candidate))) return candidate;
  }
}

/** Two names with the same key look alike: the room keeps one of each. */
export const nicknameKey = (nickname: string): string => skeleton(nickname);
