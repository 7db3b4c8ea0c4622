/**
 * How long a line takes to say: 0.4 s a word, rounded up. A word is a run of characters between
 * white space, where white space is what a regular expression's `\s` matches: a line break, a tab,
 * a non-breaking or other Unicode space all part words; punctuation and curly quotes do not.
 */
import { describe, expect, it } from 'vitest';
import { choiceSeconds, SECONDS_PER_WORD, spokenSeconds } from '../../../src/core/engine/timing.ts';

const seconds = (wordCount: number) => Math.ceil(wordCount * SECONDS_PER_WORD);

describe('spoken seconds', () => {
  it('counts the words of a line, whatever spaces surround them', () => {
    expect(spokenSeconds('Thanks for calling, how can I help?')).toBe(seconds(7));
    expect(spokenSeconds('  I’m   sorry —\tlet me\r\ncheck.  ')).toBe(seconds(6));
    expect(spokenSeconds('')).toBe(0);
    expect(spokenSeconds(' \n\t ')).toBe(0);
    expect(spokenSeconds(undefined)).toBe(0);
  });

  it('parts words at exactly the characters `\\s` matches', () => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      const ch = String.fromCharCode(code);
      const expected = seconds(/\s/.test(ch) ? 2 : 1);
      if (spokenSeconds(`ab${ch}cd`) !== expected) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('gives a choice one second more than its words, unless it names its own seconds', () => {
    expect(choiceSeconds({ say: 'One two three four five six', next: 'x' } as Parameters<typeof choiceSeconds>[0])).toBe(seconds(6) + 1);
    expect(choiceSeconds({ say: 'One two', next: 'x', seconds: 9 } as Parameters<typeof choiceSeconds>[0])).toBe(9);
  });
});
