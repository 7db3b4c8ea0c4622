import { describe, expect, it } from 'vitest';
import { scoreRun } from '../../../src/core/scoring/score.ts';
import { callMistakes } from '../../../src/core/classroom/call-mistakes.ts';
import { commonMistakes } from '../../../src/core/classroom/common-mistakes.ts';
import { buildDebrief, kpiDistribution } from '../../../src/core/classroom/debrief.ts';
import { debriefCsv, csvCell } from '../../../src/core/classroom/export-csv.ts';
import type { PlayerId } from '../../../src/shared/classroom-ids.ts';
import { summarisePerformance } from '../../../src/core/scoring/aggregate.ts';
import { card, kpis, miniDef, play, type PlanName } from './fixtures.ts';

function mistakesOf(plan: PlanName) {
  const played = play(plan);
  const scored = scoreRun(miniDef, { scenarioId: 'mini-call', scenarioHash: miniDef.hash, seed: 1, events: [...played.events] });
  if (!scored.ok) throw new Error(scored.error);
  return callMistakes(scored.steps);
}
const pid = (s: string) => s as PlayerId;

describe('mistakes on a call', () => {
  it('names the choice that disclosed data before ID&V as fatal, with the trap to teach from', () => {
    const found = mistakesOf('fatal');
    expect(found[0]).toMatchObject({ severity: 'fatal', choice: 'Your balance is £42.10, is that what you mean?' });
    expect(found[0]!.teach).toContain('before the caller has passed ID&V');
  });
  it('finds none on the well-handled call', () => {
    expect(mistakesOf('best')).toEqual([]);
  });
});

describe('common mistakes across the class', () => {
  it('ranks the choice most players got wrong first and counts players once each', () => {
    const fatal = mistakesOf('fatal');
    const rare = [{ choice: 'Rare slip', severity: 'critical' as const, items: ['Logs the complaint'], teach: null }];
    const list = commonMistakes([
      { playerId: 'a', scenarioId: 'mini-call', mistakes: fatal },
      { playerId: 'a', scenarioId: 'mini-call', mistakes: fatal },
      { playerId: 'b', scenarioId: 'mini-call', mistakes: fatal },
      { playerId: 'c', scenarioId: 'mini-call', mistakes: rare },
    ]);
    expect(list.map((m) => [m.choice, m.players, m.times])).toEqual([
      ['Your balance is £42.10, is that what you mean?', 2, 3],
      ['Rare slip', 1, 1],
    ]);
  });
});

describe('debrief', () => {
  const players = [
    { playerId: pid('pa'), nickname: 'Amy', cards: [kpis('best'), kpis('best')] },
    { playerId: pid('pb'), nickname: 'Bob', cards: [kpis('fatal'), kpis('hungUp')] },
    { playerId: pid('pc'), nickname: 'Cat', cards: [] },
  ];
  const debrief = buildDebrief(players, []);

  it("team figures are the sum of each person's calls", () => {
    expect(debrief.team.calls).toBe(4);
    expect(debrief.people.map((p) => p.calls)).toEqual([2, 2, 0]);
    const resolved = debrief.people.reduce((s, p) => s + p.fcrResolved, 0);
    const eligible = debrief.people.reduce((s, p) => s + p.fcrEligible, 0);
    expect(debrief.team.fcrRate).toBe(Math.round((1000 * resolved) / eligible) / 10);
    expect(debrief.team.fatalCalls).toBe(1);
    expect(debrief.people.map((p) => p.shareOfCalls)).toEqual([50, 50, 0]);
  });
  it("team figures follow the game's own summary rules: a fatal call counts in the QA average at its capped score", () => {
    const game = summarisePerformance([card('best'), card('best'), card('fatal'), card('hungUp')]);
    const { qaAverage, ahtAverage, csatAverage, csatTop2, fcrRate, fatalCalls } = game;
    expect(debrief.team).toMatchObject({ qaAverage, ahtAverage, csatAverage, csatTop2, fcrRate, fatalCalls });
    expect(qaAverage).toBeLessThan(summarisePerformance([card('best'), card('best'), card('hungUp')]).qaAverage!);
  });
  it('each KPI spreads the players who played into buckets and counts who met the target', () => {
    const qa = kpiDistribution('qa', players);
    expect(qa.playersWithData).toBe(2);
    expect(qa.buckets.reduce((s, b) => s + b.players, 0)).toBe(2);
    expect(qa.playersMeetingTarget).toBe(1);
    const aht = debrief.distributions.find((d) => d.kpi === 'aht')!;
    expect(aht.higherIsBetter).toBe(false);
  });
  it('exports CSV with a header, one row a person and the team, defusing formulas', () => {
    const csv = debriefCsv(buildDebrief([{ playerId: pid('px'), nickname: '=HYPERLINK("x")', cards: [kpis('best')] }], []));
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""x""\)",1,/);
    expect(lines[2]).toMatch(/^"TEAM",1,/);
    expect(csvCell(null)).toBe('');
  });
});

describe('debrief on the wire', () => {
  it('survives JSON and the shared schema (no Infinity or undefined inside)', async () => {
    const { DebriefSchema } = await import('../../../src/shared/classroom-results.ts');
    const d = buildDebrief([{ playerId: pid('pa'), nickname: 'Amy', cards: [kpis('best'), kpis('hungUp')] }], []);
    expect(DebriefSchema.safeParse(JSON.parse(JSON.stringify(d))).success).toBe(true);
  });
});
