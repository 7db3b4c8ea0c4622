/**
 * A classroom's uploads join the trainee's library by content hash: two different calls sent from
 * files with the same name are both on the menu; the same call twice, or a call the game already
 * ships, is one entry; a broken file is kept once, with its problems.
 */
import { describe, expect, it } from 'vitest';
import { addUploadedCalls, withOpenedCall } from '../../../src/ui/uploaded-calls.ts';
import type { LibraryEntry } from '../../../src/ui/library.ts';
import { call, load, MINI } from './library-entries.ts';

const titles = (entries: readonly LibraryEntry[]) => entries.map((e) => e.summary?.title ?? `broken ${e.file}`);

describe('uploaded calls in the trainee’s library', () => {
  it('keeps two different calls uploaded from files with the same name', async () => {
    const entries: LibraryEntry[] = [];
    await addUploadedCalls(entries, [{ file: 'call.yaml', text: call('refund-a', 'Refund A') }, { file: 'call.yaml', text: call('refund-b', 'Refund B') }], load);
    expect(titles(entries)).toEqual(['Refund A', 'Refund B']);
    expect(new Set(entries.map((e) => e.hash)).size).toBe(2);
  });

  it('makes the same content one entry, whatever the files were called', async () => {
    const entries: LibraryEntry[] = [];
    const added = await addUploadedCalls(entries, [{ file: 'a.yaml', text: call('refund-a', 'Refund A') }, { file: 'copy of a.yaml', text: call('refund-a', 'Refund A') }], load);
    expect(titles(entries)).toEqual(['Refund A']);
    expect(added).toHaveLength(1);
  });

  it('does not add a second entry for a call the library already holds', async () => {
    const shipped = await load(MINI, 'mini-call.yaml');
    const entries = [shipped];
    const added = await addUploadedCalls(entries, [{ file: 'mini-call.yaml', text: MINI }], load);
    expect(added).toEqual([]);
    expect(entries).toEqual([shipped]);
  });

  it('keeps a broken upload with its problems, once', async () => {
    const entries: LibraryEntry[] = [];
    const broken = 'id: broken\ntitle: [';
    await addUploadedCalls(entries, [{ file: 'x.yaml', text: broken }, { file: 'x.yaml', text: broken }, { file: 'x.yaml', text: call('refund-a', 'Refund A') }], load);
    expect(titles(entries)).toEqual(['broken uploaded/x.yaml', 'Refund A']);
    expect(entries[0]!.diagnostics.length).toBeGreaterThan(0);
  });

  it('reports after each file, so the loading bar moves', async () => {
    let ticks = 0;
    await addUploadedCalls([], [{ file: 'a.yaml', text: call('a', 'A') }, { file: 'a.yaml', text: call('a', 'A') }], load, () => ticks++);
    expect(ticks).toBe(2);
  });
});

describe('a call file the trainee opens', () => {
  it('replaces an earlier version of the same call when playing alone', async () => {
    const old = await load(call('refund-a', 'Refund A'), 'a.yaml');
    const other = await load(call('refund-b', 'Refund B'), 'b.yaml');
    const edited = await load(call('refund-a', 'Refund A, edited'), 'a-edited.yaml');
    expect(titles(withOpenedCall([old, other], edited, null))).toEqual(['Refund B', 'Refund A, edited']);
  });

  it('leaves the classroom’s call with the same id on the menu', async () => {
    const classCall = await load(call('refund-a', 'Refund A'), 'session/a.yaml');
    const edited = await load(call('refund-a', 'Refund A, edited'), 'a-edited.yaml');
    expect(titles(withOpenedCall([classCall], edited, [classCall.hash!]))).toEqual(['Refund A', 'Refund A, edited']);
  });

  it('is one entry when it is the very call already there', async () => {
    const classCall = await load(call('refund-a', 'Refund A'), 'session/a.yaml');
    const same = await load(call('refund-a', 'Refund A'), 'a.yaml');
    expect(withOpenedCall([classCall], same, [classCall.hash!])).toEqual([same]);
  });
});
