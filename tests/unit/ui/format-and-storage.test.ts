import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent, formatStars, moodWord } from '../../../src/ui/format.ts';
import { loadBestResults, mergeBest, recordResult } from '../../../src/storage/best-results.ts';
import { clearSavedCall, loadSavedCall, saveCall } from '../../../src/storage/saved-call.ts';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '../../../src/storage/settings.ts';
import type { Scorecard } from '../../../src/shared/scorecard.ts';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() { return this.items.size; }
  clear() { this.items.clear(); }
  getItem(key: string) { return this.items.get(key) ?? null; }
  key(i: number) { return [...this.items.keys()][i] ?? null; }
  removeItem(key: string) { this.items.delete(key); }
  setItem(key: string, value: string) { this.items.set(key, value); }
}

function card(qa: number, total: number, fatal = false): Scorecard {
  return {
    scenarioId: 's', scenarioHash: 'h', outcome: 'resolved', endingSummary: '',
    aht: { talk: total, hold: 0, wrap: 0, total, target: 300 },
    fcr: { value: 'yes', reason: '' }, csat: { stars: 4, why: '', comment: '' },
    qa: { score: qa, raw: qa, band: 'green', sections: [], fatal: fatal ? [{ code: 'x', text: 'x', at: 1 }] : [], critical: [] },
    keyMoments: [],
  };
}

describe('formatting for the screens', () => {
  it('writes durations as m:ss, rounding and never negative', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65)).toBe('1:05');
    expect(formatDuration(599.6)).toBe('10:00');
    expect(formatDuration(-3)).toBe('0:00');
  });
  it('writes stars, percentages and mood words', () => {
    expect(formatStars(3)).toBe('★★★☆☆');
    expect(formatPercent(87.6)).toBe('88%');
    expect(moodWord(-5)).toBe('furious');
    expect(moodWord(0)).toBe('neutral');
    expect(moodWord(4)).toBe('happy');
  });
});

describe('best results', () => {
  it('keeps the higher QA score, breaks ties on the shorter call, and counts every play', () => {
    const first = mergeBest(undefined, card(70, 300));
    const worse = mergeBest(first, card(60, 200));
    expect(worse).toMatchObject({ qa: 70, aht: 300, plays: 2 });
    const quicker = mergeBest(worse, card(70, 250));
    expect(quicker).toMatchObject({ qa: 70, aht: 250, plays: 3 });
  });
  it('persists per scenario and ignores a damaged table', () => {
    const storage = new MemoryStorage();
    recordResult(card(80, 100, true), storage);
    expect(loadBestResults(storage).s).toMatchObject({ qa: 80, fatal: true, plays: 1 });
    storage.setItem('htl.best-results.v1', '{not json');
    expect(loadBestResults(storage)).toEqual({});
  });
});

describe('saved call and settings', () => {
  it('round-trips a run log and drops an unreadable one', () => {
    const storage = new MemoryStorage();
    const run = { scenarioId: 's', scenarioHash: 'a'.repeat(64), seed: 5, events: [{ type: 'call.answer' as const }] };
    saveCall(run, storage);
    expect(loadSavedCall(storage)).toEqual(run);
    clearSavedCall(storage);
    expect(loadSavedCall(storage)).toBeNull();
    storage.setItem('htl.saved-call.v2', JSON.stringify({ scenarioId: 's', events: 'nope' }));
    expect(loadSavedCall(storage)).toBeNull();
    expect(storage.getItem('htl.saved-call.v2')).toBeNull();
    storage.setItem('htl.saved-call.v1', JSON.stringify(run));
    expect(loadSavedCall(storage)).toBeNull();
    expect(storage.getItem('htl.saved-call.v1')).toBeNull();
  });
  it('keeps mute, volume, read-aloud and shortcut keys', () => {
    const storage = new MemoryStorage();
    expect(loadSettings(storage)).toEqual(DEFAULT_SETTINGS);
    saveSettings({ muted: true, volume: 0.3, readAloud: true, shortcuts: false, livePace: true, ambience: true }, storage);
    expect(loadSettings(storage)).toEqual({ muted: true, volume: 0.3, readAloud: true, shortcuts: false, livePace: true, ambience: true });
  });
  it('keeps settings saved before shortcut keys, live pace and office sounds existed, with keys on and the others off', () => {
    const storage = new MemoryStorage();
    storage.setItem('htl.settings.v1', JSON.stringify({ muted: true, volume: 0.3, readAloud: false }));
    expect(loadSettings(storage)).toEqual({ muted: true, volume: 0.3, readAloud: false, shortcuts: true, livePace: false, ambience: false });
  });
});
