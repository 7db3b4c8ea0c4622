import { describe, expect, it } from 'vitest';
import { loadScenarioFile, walk } from '../../helpers/walkthrough.ts';
import { CallSession } from '../../../src/core/engine/call-session.ts';
import { replay } from '../../../src/core/engine/replay.ts';
import { score } from '../../../src/core/scoring/score.ts';

const def = loadScenarioFile('tests/unit/core/fixtures/mini-call.yaml');
const GREET = 'good morning';
const NOTES = 'Refund of duplicate done, reference C-1001';
const bestPlan = [GREET, { idv: 'pass' as const }, "I'll log this", "So that's the refund", { wrap: { disposition: 'billing-refund', notes: NOTES } }];

describe('a call played to the best ending', () => {
  const { scorecard, transcript } = walk(def, bestPlan);

  it('times the call from the words spoken, the ID&V questions and the notes', () => {
    // customer 9 words → 4 s; agent 18 words → 9 s; customer 10 words → 4 s; ID&V 2 questions → 30 s;
    // customer 7 words → 3 s; agent 13 words → 7 s; customer 2 words → 1 s; agent 18 words → 9 s.
    expect(scorecard.aht.talk).toBe(4 + 9 + 4 + 30 + 3 + 7 + 1 + 9);
    expect(scorecard.aht.hold).toBe(0);
    expect(scorecard.aht.wrap).toBe(30 + Math.ceil(NOTES.length / 4));
    expect(scorecard.aht.total).toBe(scorecard.aht.talk + scorecard.aht.wrap);
    expect(scorecard.aht.target).toBe(300);
  });

  it('counts it as resolved first time with full marks and five stars', () => {
    expect(scorecard.outcome).toBe('resolved');
    expect(scorecard.fcr.value).toBe('yes');
    expect(scorecard.qa.score).toBe(100);
    expect(scorecard.qa.band).toBe('green');
    expect(scorecard.qa.fatal).toEqual([]);
    // mood -1 + 1 + 2 + 1 = +3 → 4 + 1.2 → 5 stars, with the ending's own comment
    expect(scorecard.csat.stars).toBe(5);
    expect(scorecard.csat.comment).toBe('Quick and kind, thank you.');
  });

  it('adds the engine’s ID&V, disposition and notes items', () => {
    const items = scorecard.qa.sections.flatMap((s) => s.items.map((i) => `${i.id}:${i.mark}`));
    expect(items).toEqual(expect.arrayContaining(['auto-idv-verdict:met', 'auto-disposition:met', 'auto-notes:met']));
    expect(items.some((i) => i.startsWith('auto-hold-check-back'))).toBe(false);
  });

  it('reads back as a transcript with the customer’s lines and the agent’s words', () => {
    expect(transcript[0]).toMatchObject({ speaker: 'customer', at: 0, text: "Dana Reyes: Hi, I think I've been charged twice this month." });
    expect(transcript.find((t) => t.text.startsWith("I'll log this"))?.effects).toEqual(
      expect.arrayContaining(['mood +2', 'QA met: Logs the complaint']),
    );
  });
});

describe('breaches, hang-ups and mistakes', () => {
  it('fails the call outright when the balance is read out before ID&V', () => {
    const { scorecard } = walk(def, ['your balance', { idv: 'pass' }, "I'll log this", "So that's", { wrap: { disposition: 'billing-refund', notes: NOTES } }]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['data-before-idv']);
    expect(scorecard.qa.score).toBe(0);
    expect(scorecard.qa.raw).toBeGreaterThan(0);
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.keyMoments[0]?.text).toContain('Never read out account details');
  });

  it('hangs up when patience runs out, and still takes a wrap-up', () => {
    const { scorecard } = walk(def, ['what do you want', { wrap: { disposition: 'customer-ended-call', notes: 'Caller hung up.' } }]);
    expect(scorecard.outcome).toBe('hung-up');
    expect(scorecard.csat.stars).toBe(1);
    expect(scorecard.fcr.value).toBe('no');
    expect(scorecard.keyMoments.some((m) => m.text.includes('hung up'))).toBe(true);
  });

  it('marks a wrong ID&V verdict and leaves a correct refusal out of FCR', () => {
    const { scorecard } = walk(def, [GREET, { idv: 'fail' }, "I can't discuss", { wrap: { disposition: 'idv-failed', notes: '' } }]);
    expect(scorecard.outcome).toBe('refused');
    expect(scorecard.fcr.value).toBe('excluded');
    const idv = scorecard.qa.sections.find((s) => s.id === 'idv');
    expect(idv?.items).toEqual([
      expect.objectContaining({ id: 'auto-idv-verdict', mark: 'missed' }),
      expect.objectContaining({ id: 'auto-idv-marks', mark: 'met' }),
    ]);
    expect(scorecard.qa.critical.map((c) => c.id)).toEqual(['log-complaint']);
    expect(scorecard.qa.score).toBeLessThanOrEqual(60);
  });

  it('penalises a hold with no check-back and rewards one with them', () => {
    const route = [GREET, { idv: 'pass' as const }, 'on hold'];
    const finish = [{ kb: 'duplicate-payments' }, "I'll log this", "So that's", { wrap: { disposition: 'billing-refund', notes: NOTES } }];
    const silent = walk(def, [...route, 'resume', ...finish]).scorecard;
    const checked = walk(def, [...route, 'check back', 'resume', ...finish]).scorecard;
    expect(silent.aht.hold).toBe(90);
    expect(checked.aht.hold).toBe(90);
    const holdItem = (s: typeof silent) =>
      s.qa.sections.find((x) => x.id === 'hold-transfer')?.items.find((i) => i.id === 'auto-hold-check-back')?.mark;
    expect(holdItem(silent)).toBe('missed');
    expect(holdItem(checked)).toBe('met');
    expect(silent.qa.score).toBeLessThan(checked.qa.score);
  });

  it('treats a card number in the notes as a fatal breach', () => {
    const { scorecard } = walk(def, [GREET, { idv: 'pass' }, "I'll log this", "So that's", { wrap: { disposition: 'billing-refund', notes: 'Refund C-1001, card 4539 1488 0343 6467' } }]);
    expect(scorecard.qa.fatal.map((f) => f.code)).toEqual(['card-in-notes']);
    expect(scorecard.qa.score).toBe(0);
  });
});

describe('runs replay exactly', () => {
  const played = walk(def, bestPlan);
  const run = { scenarioId: def.scenario.id, scenarioHash: def.hash, seed: 1, events: [...played.events] };

  it('gives the same scorecard every time the same log is replayed', () => {
    const first = score(def, run);
    const second = score(def, run);
    expect(first).toEqual(second);
    expect(first.ok && first.scorecard).toEqual(played.scorecard);
  });

  it('resumes a saved call and ends exactly as the uninterrupted one', () => {
    const session = new CallSession(def, 1);
    for (const event of run.events.slice(0, 3)) expect(session.send(event)).toBe(true);
    const saved = JSON.parse(JSON.stringify(session.save()));
    session.stop();
    const resumed = CallSession.resume(def, saved);
    if (!resumed.ok) throw new Error(resumed.error);
    for (const event of run.events.slice(3)) expect(resumed.session.send(event)).toBe(true);
    expect(score(def, resumed.session.runLog())).toEqual(score(def, run));
  });

  it('refuses an impossible log, an unfinished one and one for another version', () => {
    const impossible = replay(def, [{ type: 'call.answer' }, { type: 'agent.choose', index: 7 }]);
    expect(impossible).toMatchObject({ ok: false, at: 1 });
    expect(score(def, { ...run, events: run.events.slice(0, 4) })).toMatchObject({ ok: false, error: expect.stringContaining('not finished') });
    expect(score(def, { ...run, scenarioHash: 'f'.repeat(64) })).toMatchObject({ ok: false });
    expect(score(def, { ...run, events: [...run.events, { type: 'call.answer' }] })).toMatchObject({
      ok: false,
      error: expect.stringContaining('after the call was over'),
    });
  });

  it('does not offer or accept a choice whose condition does not hold', () => {
    const session = new CallSession(def, 1);
    session.send({ type: 'call.answer' });
    expect(session.send({ type: 'agent.idv', verdict: 'pass', marks: {} })).toBe(false);
    expect(session.view().phase).toBe('talk');
    expect(session.view().choices.map((c) => c.index).sort()).toEqual([0, 1, 2]);
  });
});

describe('a run names what the trainee did, and only what was on offer', () => {
  const def = loadScenarioFile('tests/unit/core/fixtures/mini-call.yaml');
  const verified = [
    { type: 'call.answer' as const },
    { type: 'agent.choose' as const, index: 0 },
    { type: 'idv.ask' as const, key: 'name' },
    { type: 'idv.ask' as const, key: 'postcode' },
    { type: 'agent.idv' as const, verdict: 'pass' as const, marks: { name: 'match' as const, postcode: 'match' as const } },
  ];

  it('refuses a verdict whose marks do not name exactly the questions asked', () => {
    const missing = replay(def, [...verified.slice(0, 4), { type: 'agent.idv', verdict: 'pass', marks: { name: 'match' } }]);
    expect(missing).toMatchObject({ ok: false, at: 4 });
    const unasked = replay(def, [...verified.slice(0, 3), { type: 'agent.idv', verdict: 'pass', marks: { name: 'match', postcode: 'match' } }]);
    expect(unasked).toMatchObject({ ok: false, at: 3 });
  });

  it('refuses a question outside the policy and the same question twice at one step', () => {
    expect(replay(def, [...verified.slice(0, 2), { type: 'idv.ask', key: 'balance' }])).toMatchObject({ ok: false, at: 2 });
    expect(replay(def, [...verified.slice(0, 3), { type: 'idv.ask', key: 'name' }])).toMatchObject({ ok: false, at: 3 });
  });

  it('refuses opening an article no search found, and answering from one not opened', () => {
    const toLookup = [...verified, { type: 'agent.choose' as const, index: 0 }, { type: 'hold.resume' as const }];
    expect(replay(def, toLookup).ok).toBe(true);
    expect(replay(def, [...toLookup, { type: 'kb.open', article: 'duplicate-payments' }])).toMatchObject({ ok: false, at: toLookup.length });
    const searched = [...toLookup, { type: 'kb.search' as const, query: 'duplicate payment' }];
    expect(replay(def, [...searched, { type: 'kb.use', article: 'duplicate-payments' }])).toMatchObject({ ok: false, at: searched.length });
    const used = replay(def, [...searched, { type: 'kb.open', article: 'duplicate-payments' }, { type: 'kb.use', article: 'duplicate-payments' }]);
    expect(used.ok).toBe(true);
  });

  it('scores the same log the same way whatever seed ordered the screen', () => {
    const plan = [GREET, { idv: 'pass' as const }, "I'll log this", "So that's the refund", { wrap: { disposition: 'billing-refund', notes: NOTES } }];
    const a = walk(def, plan, 1);
    const b = walk(def, plan, 987_654_321);
    expect(a.events).toEqual(b.events);
    expect(a.scorecard).toEqual(b.scorecard);
  });
});
