import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startLivePace } from '../../../src/ui/live-pace.ts';
import { pickVoice } from '../../../src/ui/voice-choice.ts';

describe('live pace on the desk', () => {
  let now = 0;
  beforeEach(() => { vi.useFakeTimers(); now = 0; });
  afterEach(() => vi.useRealTimers());

  const start = (counts = () => true) => {
    const sent: number[] = [];
    const prompts: boolean[] = [];
    const pace = startLivePace({ counts, sendSilence: (s) => sent.push(s), onPrompt: (p) => prompts.push(p), now: () => now, grace: 8, chunk: 5, tickMs: 100 });
    const wait = (ms: number) => { for (let t = 0; t < ms; t += 100) { now += 100; vi.advanceTimersByTime(100); } };
    return { pace, sent, prompts, wait };
  };

  it('within the grace period nothing happens', () => {
    const { sent, prompts, wait } = start();
    wait(7900);
    expect(sent).toEqual([]);
    expect(prompts).toEqual([]);
  });

  it('past the grace the caller prompts, and the silence is sent in stretches as it goes on', () => {
    const { sent, prompts, wait } = start();
    wait(9100);
    expect(prompts).toEqual([true]);
    expect(sent).toEqual([]);
    wait(5000);
    expect(sent).toEqual([5]);
  });

  it('acting sends the rest of the silence first, then the quiet starts again', () => {
    const { pace, sent, prompts, wait } = start();
    wait(16_500);
    pace.flush();
    expect(sent).toEqual([5, 3]);
    expect(prompts).toEqual([true, false]);
    wait(7000);
    expect(sent).toEqual([5, 3]);
  });

  it('nothing counts where silence is expected (on hold, in wrap-up)', () => {
    const { pace, sent, prompts, wait } = start(() => false);
    wait(30_000);
    pace.flush();
    expect(sent).toEqual([]);
    expect(prompts).toEqual([]);
  });
});

describe('a voice for each caller', () => {
  const voices = [
    { name: 'Google UK English Female', lang: 'en-GB' },
    { name: 'Google UK English Male', lang: 'en-GB' },
    { name: 'Microsoft Ryan Online', lang: 'en-GB' },
    { name: 'Google Deutsch', lang: 'de-DE' },
  ];
  it('picks an English voice of the preferred kind, and none when there is no English voice', () => {
    expect(pickVoice(voices, { pitch: 1, rate: 1, prefer: 'female', pick: 3 })?.name).toBe('Google UK English Female');
    expect(pickVoice(voices, { pitch: 1, rate: 1, prefer: 'male', pick: 1 })?.name).toBe('Microsoft Ryan Online');
    expect(pickVoice([voices[3]!], { pitch: 1, rate: 1, prefer: 'any', pick: 0 })).toBeNull();
  });
});
