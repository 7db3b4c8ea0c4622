import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrateGoal, migrateRun } from '../../../src/core/development/migrations.ts';
import { buildExport, mergeRecord, readExport } from '../../../src/core/development/export-file.ts';
import { emptyRecord, RECORD_VERSION, type RunEntry } from '../../../src/core/development/trainee-record.ts';
import { runsCsv, RUNS_CSV_HEADER } from '../../../src/core/development/runs-csv.ts';
import { emptyReflection, kpiGaps, markGameText, reflectionEvidence } from '../../../src/core/development/reflection.ts';
import { makeCard, NOW } from './make-card.ts';

const v1Text = readFileSync('tests/unit/development/fixtures/export-v1.json', 'utf8');

describe('reading a version 1 export', () => {
  const read = readExport(v1Text);
  if (!read.ok) throw new Error(read.message);

  it('migrates the run: short rating keys become the five areas, date becomes at', () => {
    expect(read.value.runs).toHaveLength(1);
    const run = read.value.runs[0]!;
    expect(run.at).toBe('2026-09-30T09:00:00.000Z');
    expect(run.rating?.ratings).toEqual({ 'idv-data': 5, 'listening-empathy': 4, resolution: 4, 'control-time': 3, compliance: 5 });
    expect(run.rating?.wentWell).toBe('Kept calm');
  });

  it('migrates the goal: a bare call count becomes a calls deadline', () => {
    expect(read.value.goals[0]!.goal.deadline).toEqual({ kind: 'calls', calls: 5 });
  });

  it('keeps the broken run aside with the reason instead of dropping it silently', () => {
    expect(read.value.problems).toHaveLength(1);
    expect(read.value.problems[0]).toMatch(/^Run 2: a stored run does not match the v3 format — /);
  });
});

describe('migrations one entry at a time', () => {
  it.each([
    ['from a newer version', { id: 'x' }, RECORD_VERSION + 1, /newer version of the game/],
    ['with no version', { id: 'x' }, 0, /no valid version/],
    ['that is not an object', 'garbage', 1, /not an object/],
  ] as const)('refuses a run %s', (_n, raw, version, reason) => {
    const r = migrateRun(raw, version);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
  });

  it('refuses a stored goal that would be vague', () => {
    const goal = JSON.parse(v1Text).goals[0];
    goal.goal.behaviour = 'get better at calls';
    const r = migrateGoal(goal, 1);
    expect(!r.ok && r.reason).toMatch(/too vague/);
  });
});

describe('export and import', () => {
  const entry = (id: string, at: string): RunEntry => ({
    id, at, scenarioTitle: 'Double charge, "urgent"', run: { scenarioId: 'test', scenarioHash: '0'.repeat(64), seed: 0, events: [] },
    scorecard: makeCard({ sections: { idv: 100, empathy: 60 } }), reflection: { what: 'w', soWhat: 's', nowWhat: 'n', inserted: [] },
    rating: { ratings: { 'idv-data': 5, 'listening-empathy': 5, resolution: 4, 'control-time': 4, compliance: 3 }, wentWell: '', toImprove: '', at },
  });
  const record = { ...emptyRecord(), runs: [entry('r1', NOW)] };

  it('round-trips everything', () => {
    const read = readExport(buildExport(record, NOW));
    expect(read.ok && read.value).toEqual({ runs: record.runs, goals: [], feedback: [], problems: [] });
  });

  it('merging adds only what is new, in date order', () => {
    const other = { runs: [entry('r1', NOW), entry('r0', '2026-11-01T10:00:00.000Z')], goals: [], problems: [] };
    const merged = mergeRecord(record, other);
    expect(merged.added).toEqual({ runs: 1, goals: 0, feedback: 0 });
    expect(merged.record.runs.map((r) => r.id)).toEqual(['r0', 'r1']);
  });

  it.each([
    ['not JSON', '{oops', /not valid JSON/],
    ['another file', '{"hello": 1}', /not a development export/],
  ])('refuses %s with a clear message', (_n, text, message) => {
    const r = readExport(text);
    expect(!r.ok && r.message).toMatch(message);
  });

  it('writes a CSV row per run with the measured and self ratings, quoting safely', () => {
    const csv = runsCsv([entry('r1', NOW), entry('r2', '2026-11-24T10:00:00.000Z')]).trimEnd().split('\r\n');
    expect(csv[0]).toBe(RUNS_CSV_HEADER.map((h) => `"${h}"`).join(','));
    expect(csv).toHaveLength(3);
    expect(csv[1]).toContain('"Double charge, ""urgent"""');
    const cells = csv[1]!.split(',');
    const col = (name: string): string => cells[RUNS_CSV_HEADER.indexOf(name) + 1]!; // +1: the quoted title holds one comma
    expect([col('measured_listening-empathy'), col('self_listening-empathy'), col('calibration_gap')]).toEqual(['2', '5', '1.25']);
  });
});

describe('reflection in the learner’s own words', () => {
  const card = makeCard({ sections: { empathy: 50, resolution: 100 }, qa: 72, aht: 420, target: 300, fcr: 'no', stars: 2 });

  it('starts empty', () => {
    expect(emptyReflection()).toEqual({ what: '', soWhat: '', nowWhat: '', inserted: [] });
  });

  it('offers the call’s facts as evidence: key moments and every KPI gap, handle time judged only on a closed call', () => {
    const facts = reflectionEvidence({ ...card, outcome: 'follow-up' }, 'Double charge').map((f) => f.text);
    expect(facts).toContain('At 0:12: You greeted the caller.');
    expect(facts).toContain('QA was 72%, 18 points short of the 90% green band.');
    expect(facts).toContain('Over target by 2:00: 7:00 against 5:00 (140% of target).');
    const unclosed = reflectionEvidence(card, 'Double charge').map((f) => f.text);
    expect(unclosed.join(' ')).toMatch(/is not judged against the 5:00 target: the customer’s need was left unmet/);
  });

  it('puts a fatal breach first, timed like its key moment', () => {
    const fatal = { ...makeCard({ fatal: ['card-read-back'] }), keyMoments: [{ at: 27, step: 3, text: 'You read the card back. breach card-read-back: a fatal error.', impact: -100 }] };
    expect(kpiGaps(fatal)[0]).toMatch(/^A fatal breach/);
    expect(reflectionEvidence(fatal, 'Card').map((f) => f.text)).toContain('At 0:27, fatal breach: breach card-read-back.');
  });

  it.each([
    ['untouched fact', 'I was slow. At 0:12: You greeted the caller.', ['At 0:12: You greeted the caller.'], [['I was slow. ', false], ['At 0:12: You greeted the caller.', true]]],
    ['rewritten fact is the learner’s', 'At 0:12 I greeted them warmly.', ['At 0:12: You greeted the caller.'], [['At 0:12 I greeted them warmly.', false]]],
    ['no facts', 'All mine.', [], [['All mine.', false]]],
  ] as const)('marks the game’s words: %s', (_n, text, inserted, parts) => {
    expect(markGameText(text, inserted).map((p) => [p.text, p.game])).toEqual(parts);
  });

  it('a version 2 reflection (pre-filled by the game) is marked as possibly the game’s', () => {
    const v2 = { id: 'r', at: NOW, scenarioTitle: 'x', run: { scenarioId: 'test', scenarioHash: '0'.repeat(64), events: [] }, scorecard: makeCard(), rating: null, reflection: { what: 'w', soWhat: 's', nowWhat: 'n' } };
    const r = migrateRun(v2, 2);
    expect(r.ok && r.value.reflection).toEqual({ what: 'w', soWhat: 's', nowWhat: 'n', inserted: [], prefilled: true });
  });
});
