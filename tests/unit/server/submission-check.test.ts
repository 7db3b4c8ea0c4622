/**
 * A submit message checked in a verdict worker must come out as the socket's own path would have
 * it: the same submission (zod's trimming included), the same wording for a message that is not
 * valid, the run's hash and JSON as the room makes them, and the replay's verdict.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ClientMessageSchema } from '../../../src/shared/classroom-ws.ts';
import { checkSubmitText, isSubmitMessage, safeVerdict, type CheckedSubmit } from '../../../src/server/verify/submission-check.ts';
import { workerVerdicts } from '../../../src/server/verify/verdicts.ts';
import { serialisedRun, sha256 } from '../../../src/server/rooms/room-hashes.ts';
import { prepareSubmission } from '../../../src/server/verify/prepared-submission.ts';
import { minimumPlayMs } from '../../../src/core/classroom/plausible-time.ts';
import { warmUp } from '../../../src/server/verify/worker-warm-up.ts';
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
  it('prepares the submission the socket schema gives (its compiled copy in the worker): its ids, the run’s hash and JSON, and the checked verdict', () => {
    const s = submission('best');
    const checked = checkSubmitText(message(s), known);
    const general = ClientMessageSchema.parse(JSON.parse(message(s)));
    if (!checked.ok || general.type !== 'submit') throw new Error('refused');
    expect(checked.prepared).toEqual(prepareSubmission(general.submission, miniDef));
    const p = checked.prepared;
    expect({ runHash: p.runHash, runJson: p.runJson }).toEqual(serialisedRun(general.submission.run));
    expect(JSON.parse(p.runJson)).toEqual(general.submission.run);
    expect(p.ticketHash).toBe(sha256(s.ticket));
    expect({ scenarioHash: p.scenarioHash, seed: p.seed, playMs: p.playMs }).toEqual({ scenarioHash: s.run.scenarioHash, seed: s.run.seed, playMs: minimumPlayMs(s.run.events) });
    expect(p.run).toBeUndefined();
    const replayed = safeVerdict(miniDef, general.submission.run);
    if (!replayed.ok) throw new Error(replayed.error);
    expect(p.verdict).toEqual({ ok: true, kpis: replayed.kpis });
    // A claim the replay does not bear out is refused there, in the words the room used.
    const forged = checkSubmitText(message({ ...s, claimed: { ...s.claimed, qa: 100 - s.claimed.qa + 1 } }), known);
    expect(forged).toMatchObject({ ok: true, prepared: { verdict: { ok: false, reason: expect.stringContaining('does not match the server') } } });
    // The room's floor per decision travels with the check.
    expect(checkSubmitText(message(s), known, 3000)).toMatchObject({ ok: true, prepared: { playMs: minimumPlayMs(s.run.events, 3000) } });
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
  it('the compiled check stores what the socket’s parse stores: a search query with spaces around it is trimmed', () => {
    const s = submission('best');
    const spaced = { ...s, run: { ...s.run, events: [...s.run.events.slice(0, 1), { type: 'kb.search', query: '  refund policy ' }, ...s.run.events.slice(1)] } };
    const general = ClientMessageSchema.parse(JSON.parse(message(spaced)));
    const checked = checkSubmitText(message(spaced), known);
    if (!checked.ok || general.type !== 'submit') throw new Error('refused');
    expect(checked.prepared.runJson).toBe(serialisedRun(general.submission.run).runJson);
    expect(checked.prepared.runJson).toContain('"query":"refund policy"');
    // The same run sent with and without the spaces is one run (counted once per player).
    const tidy = checkSubmitText(message({ ...spaced, run: { ...spaced.run, events: general.submission.run.events } }), known);
    expect(tidy).toMatchObject({ ok: true, prepared: { runHash: checked.prepared.runHash } });
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
    expect(checked).toMatchObject({ ok: true, prepared: { verdict: null } });
  });
  it('in a worker: the same answer, for a good run and an impossible one', async () => {
    const s = submission('best');
    const inWorker = await readyCheck(message(s));
    expect(inWorker).toEqual(checkSubmitText(message(s), known));
    const cut = { ...s, run: { ...s.run, events: s.run.events.slice(0, 2) } };
    const refused = await readyCheck(message(cut));
    expect(refused).toMatchObject({ ok: true, prepared: { verdict: { ok: false } } });
    expect(refused).toEqual(checkSubmitText(message(cut), known));
    // A burst arriving in one turn: the worker takes every message (the event loop parses none), and answers each as it would alone.
    const texts = Array.from({ length: 200 }, (_, i) => message({ ...s, submissionId: `burst-submission-${String(i).padStart(4, "0")}`, run: { ...s.run, events: i % 2 === 0 ? s.run.events : s.run.events.slice(0, 2) } }));
    const burst = texts.map((text, i) => pool.check?.(i % 3 === 0 ? text : Buffer.from(text), 1000 + i) ?? null);
    expect(burst.every((c) => c !== null)).toBe(true);
    const answers = await Promise.all(burst.map((c) => c!));
    answers.forEach((c, i) => expect(c).toEqual(checkSubmitText(texts[i]!, known, 1000 + i)));
    expect(answers.filter((c) => c.ok && c.prepared.verdict?.ok === true)).toHaveLength(100);
  }, 30_000);
  it('a call introduced before the worker was ready is known to it once ready: the first check comes back with its verdict', async () => {
    const fresh = workerVerdicts(1);
    try {
      fresh.introduce?.(miniDef);
      let checking: Promise<CheckedSubmit> | null = null;
      for (let i = 0; i < 400 && checking === null; i++) {
        await new Promise((r) => setTimeout(r, 50));
        checking = fresh.check?.(message(submission('best'))) ?? null;
      }
      expect(await checking).toMatchObject({ ok: true, prepared: { verdict: { ok: true } } });
    } finally {
      await fresh.close();
    }
  }, 30_000);
  it('warms a worker up on the real path: made-up play-throughs of the call, parsed, replayed and counted', () => {
    expect(warmUp(miniDef, 20)).toBeGreaterThan(0);
  });
});
