/**
 * A small confusables fold for nicknames (no library: `obscenity` and a full Unicode confusables
 * table are not in the project). NFKC first (fullwidth, mathematical bold and other compatibility
 * forms become plain letters), then accents dropped, then the Cyrillic and Greek letters that look
 * like Latin ones mapped to them. Two names with the same skeleton look the same on a projector.
 */
const LOOKALIKES: Readonly<Record<string, string>> = Object.freeze({
  // Cyrillic
  а: 'a', б: 'b', в: 'b', г: 'r', д: 'd', е: 'e', ё: 'e', з: '3', и: 'u', к: 'k', л: 'n', м: 'm', н: 'h', о: 'o', п: 'n', р: 'p', с: 'c', т: 't', у: 'y',
  х: 'x', ч: '4', ш: 'w', щ: 'w', ъ: 'b', ы: 'bi', ь: 'b', і: 'i', ї: 'i', ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', ү: 'y', ҝ: 'k',
  // Greek
  α: 'a', β: 'b', γ: 'y', δ: 'd', ε: 'e', ζ: 'z', η: 'n', θ: 'o', ι: 'i', κ: 'k', μ: 'u', ν: 'v', ο: 'o', ρ: 'p', σ: 'o', ς: 'c', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  // Latin lookalikes that NFKD leaves alone
  ı: 'i', ȷ: 'j', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ŀ: 'l', ſ: 's', ß: 'ss', æ: 'ae', œ: 'oe', ɑ: 'a', ɡ: 'g', ɩ: 'i', ɪ: 'i', ʀ: 'r', ʏ: 'y', ᴀ: 'a',
});

/** The name as it looks: compatibility forms folded, accents dropped, lower case, lookalikes mapped. */
export function skeleton(text: string): string {
  const plain = text.normalize('NFKC').toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  let out = '';
  for (const ch of plain) out += LOOKALIKES[ch] ?? ch;
  return out.replace(/\s+/g, ' ').trim();
}

/** Scripts a name may be written in; Japanese mixes three, and Common/Inherited go with any. */
const SCRIPTS: readonly [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Japanese', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Thai', /\p{Script=Thai}/u],
];

/** The scripts of the letters in `text` ("Other" for a script not listed). */
export function scriptsOf(text: string): Set<string> {
  const found = new Set<string>();
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    found.add(SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? 'Other');
  }
  return found;
}
