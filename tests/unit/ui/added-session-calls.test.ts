/**
 * A call the trainer adds to a running session reaches the trainee's menu without a reload:
 * the game fetches and checks the calls it lacks (one that does not load as the call the server
 * checked is not offered, and the trainee is told what to do), and the page says once what was
 * added. A push that comes before the game has started waits for it; a list with nothing new says
 * nothing.
 */
import { describe, expect, it } from 'vitest';
import { completeSessionCalls } from '../../../src/ui/missing-session-calls.ts';
import { SessionCallsFeed } from '../../../src/ui/classroom/session-calls-feed.ts';
import { addedCallsText } from '../../../src/ui/classroom/trainee-notes.ts';
import type { LibraryEntry } from '../../../src/ui/library.ts';
import { call, load } from './library-entries.ts';
import type { RunningGame, SessionCallsChecked } from '../../../src/core/ports/play-context.ts';


describe('the game checks the calls the trainer added', () => {
  it('adds a call that loads as the one the server checked, and fetches only what it lacks', async () => {
    const first = await load(call('first', 'The first call'), 'first.yaml');
    const second = await load(call('second', 'The second call'), 'second.yaml');
    const asked: string[] = [];
    const found = await completeSessionCalls([first.hash!, second.hash!], [first], async (hash) => {
      asked.push(hash);
      return hash === second.hash ? { file: 'second.yaml', text: call('second', 'The second call') } : null;
    }, load);
    expect(asked).toEqual([second.hash]);
    expect(found.added.map((e) => e.summary?.title)).toEqual(['The second call']);
    expect(found.note).toBeNull();
  });

  it('does not offer a call that arrives changed or cannot be fetched, and says what to do', async () => {
    const first = await load(call('first', 'The first call'), 'first.yaml');
    const second = await load(call('second', 'The second call'), 'second.yaml');
    const changed = await completeSessionCalls([first.hash!, second.hash!], [first], async () => ({ file: 'second.yaml', text: call('second', 'Changed on the way') }), load);
    expect(changed.added).toEqual([]);
    expect(changed.note).toBe('1 of this class’s 2 calls could not be loaded in this browser. Reload the page; if it is still missing, tell your trainer (this page may be older than the classroom server).');
    const unreachable = await completeSessionCalls([first.hash!, second.hash!], [first], async () => null, load);
    expect(unreachable.added).toEqual([]);
    expect(unreachable.note).toContain('Reload the page');
  });
});

describe('what the trainee is told', () => {
  const a = { hash: 'a', title: 'Moving house' };
  const b = { hash: 'b', title: 'The second call' };
  it.each([
    [[a], ['a'], 'Your trainer added a call: “Moving house”. It is on your menu.'],
    [[a, b], ['a', 'b'], 'Your trainer added 2 calls: “Moving house”, “The second call”. They are on your menu.'],
    [[a], [], 'Your trainer added a call: “Moving house”. It could not be loaded in this browser: reload the page, and if it is still missing, tell your trainer.'],
    [[a, b], ['a'], 'Your trainer added 2 calls: “Moving house”, “The second call”. “Moving house” is on your menu; “The second call” could not be loaded in this browser: reload the page, and if it is still missing, tell your trainer.'],
  ])('%j added, %j ready', (fresh, playable, text) => {
    expect(addedCallsText(fresh, playable)).toBe(text);
  });
  it('tells a trainee on a call that the call goes on and the new one waits on the menu', () => {
    expect(addedCallsText([a], ['a'], true)).toBe('Your trainer added a call: “Moving house”. It is on your menu when this call ends.');
    expect(addedCallsText([a], [], true)).toBe('Your trainer added a call: “Moving house”. It could not be loaded in this browser: after this call, reload the page, and if it is still missing, tell your trainer.');
  });
  it('says nothing when nothing new was added', () => {
    expect(addedCallsText([], ['a'])).toBeNull();
  });
});

/** A game that records each list it is given and answers that the calls it can play are ready. */
function fakeGame(canPlay: readonly string[]) {
  const lists: string[][] = [];
  const game: RunningGame = {
    sessionCallsChanged: async (hashes): Promise<SessionCallsChecked> => {
      lists.push([...hashes]);
      return { playable: hashes.filter((h) => canPlay.includes(h)), note: null, onCall: false };
    },
  };
  return { game, lists };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('from the server’s push to the menu', () => {
  const first = { id: 'first', hash: 'h1', title: 'The first call' };
  const added = { id: 'added', hash: 'h2', title: 'Moving house' };

  it('gives the game the new list and tells the trainee once what was added', async () => {
    const note = { textContent: '' } as HTMLElement;
    const feed = new SessionCallsFeed(note);
    const { game, lists } = fakeGame(['h1', 'h2']);
    feed.started(game, ['h1']);
    feed.changed([first, added]);
    await settle();
    expect(lists).toEqual([['h1', 'h2']]);
    expect(note.textContent).toBe('Your trainer added a call: “Moving house”. It is on your menu.');
    // The same list again (a reconnect's welcome) changes nothing the trainee hears.
    note.textContent = 'unchanged';
    feed.changed([first, added]);
    await settle();
    expect(note.textContent).toBe('unchanged');
  });

  it('keeps a push that comes before the game has started, and compares it with the first list', async () => {
    const note = { textContent: '' } as HTMLElement;
    const feed = new SessionCallsFeed(note);
    feed.changed([first, added]);
    const { game, lists } = fakeGame(['h1']);
    feed.started(game, ['h1']);
    await settle();
    expect(lists).toEqual([['h1', 'h2']]);
    expect(note.textContent).toContain('It could not be loaded in this browser');
  });
});
