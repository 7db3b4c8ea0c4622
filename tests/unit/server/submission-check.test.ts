/**
 * A submit message checked in a verdict worker must come out as the socket's own path would have
 * it: the same submission (zod's trimming included), the same wording for a message that is not
 * valid, the run's hash and JSON as the room makes them, and the replay's verdict.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ClientMessageSchema } from '../../../src/shared/classroom-ws.ts';
import { checkSubmitText, isSubmitMessage, safeVerdict } from '../../../src/server/verify/submission-check.ts';
import { workerVerdicts } from '../../../src/server/verify/verdicts.ts';
import { serialisedRun } from '../../../src/server/rooms/room-hashes.ts';
import { miniDef } from '../classroom/fixtures.ts';
import { submission } from './room-harness.ts';

const message = (s: unknown) => JSON.stringify({ type: 'submit', submission: s });
const known = (hash: string) => (hash === miniDef.hash ? miniDef : undefined);
const pool = workerVerdicts(1);
afterAll(() => pool.close());

async function readyCheck(text: string) {
  pool.introduce?.(miniDef);
  for (let i = 0; i < 400; i++) {
    const checking = pool.check?.(text) ?? null;
    if (checking !== null) return checking;
    await new Promise((r) => setTimeout(r, 50));
    pool.introduce?.(miniDef);
  }
  throw new Error('the verdict worker never became ready');
}

describe('a submit message checked off the event loop', () => {
  it('gives the submission the socket schema gives, with the run’s hash, JSON and verdict', () => {
    const s = submission('best');
    const checked = checkSubmitText(message(s), known);
    const general = ClientMessageSchema.parse(JSON.parse(message(s)));
    if (!checked.ok || general.type !== 'submit') throw new Error('refused');
    expect(checked.submission).toEqual(general.submission);
    expect({ runHash: checked.runHash, runJson: checked.runJson }).toEqual(serialisedRun(general.submission.run));
    expect(checked.verdict).toEqual(safeVerdict(miniDef, general.submission.run));
    expect(checked.verdict).toMatchObject({ ok: true });
  });
  it('words a message that is not valid as the socket does', () => {
    const s = submission('best');
    const bad = { ...s, run: { ...s.run, events: [{ type: 'agent.choose', index: 99 }] } };
    const general = ClientMessageSchema.safeParse(JSON.parse(message(bad)));
    expect(general.success).toBe(false);
    expect(checkSubmitText(message(bad), known)).toEqual({ ok: false, problem: `That message is not valid: ${general.error!.issues[0]!.message}` });
    expect(checkSubmitText('{"type":"submit",', known)).toEqual({ ok: false, problem: 'That message is not valid JSON.' });
    expect(checkSubmitText(message({ ...s, extra: 1 }), known)).toMatchObject({ ok: false });
  });
  it('reads the bytes as received: the same answer as the text, and only a submit takes this path', () => {
    const text = message(submission('best'));
    expect(checkSubmitText(Buffer.from(text), known)).toEqual(checkSubmitText(text, known));
    expect(isSubmitMessage(Buffer.from(text))).toBe(true);
    expect(isSubmitMessage(Buffer.from('{"type":"hello","code":"ABCDEFG"}'))).toBe(false);
    expect(isSubmitMessage(Buffer.from('{ "type": "submit" }'))).toBe(false);
  });
  it('leaves the verdict to the room for a call it does not know', () => {
    const checked = checkSubmitText(message(submission('best')), () => undefined);
    expect(checked).toMatchObject({ ok: true, verdict: null });
  });
  it('in a worker: the same answer, for a good run and an impossible one', async () => {
    const s = submission('best');
    const inWorker = await readyCheck(message(s));
    expect(inWorker).toEqual(checkSubmitText(message(s), known));
    const cut = { ...s, run: { ...s.run, events: s.run.events.slice(0, 2) } };
    const refused = await readyCheck(message(cut));
    expect(refused).toMatchObject({ ok: true, verdict: { ok: false } });
    expect(refused).toEqual(checkSubmitText(message(cut), known));
    // A burst arriving in one turn: the worker takes its share, then the event loop is told to check the rest itself.
    const burst = Array.from({ length: 200 }, () => pool.check?.(message(s)) ?? null);
    const taken = burst.filter((c) => c !== null);
    expect(taken.length).toBeGreaterThan(0);
    expect(taken.length).toBeLessThan(200);
    expect(burst.slice(taken.length).every((c) => c === null)).toBe(true);
    for (const c of await Promise.all(taken)) expect(c).toMatchObject({ ok: true, verdict: { ok: true } });
  }, 30_000);
});
