/**
 * Suggests up to three SMART goals, one per area, from three sources, each labelled:
 *  - received feedback (a trainer's or a peer's), about the QA section it names;
 *  - the trainee's own "to improve" note after a recent call;
 *  - the data: the weakest QA section (or handle time) over the last calls where it applied.
 * A data goal needs MIN_CALLS calls in its area; below that the area is listed as "not enough
 * calls yet", and draftGoal sets one anyway when the trainee asks. Behaviours come from the curated
 * first-person set; a compliance target is 100%; handle time is a ratio to each call's own target
 * with an FCR floor of at least 75%. Every goal passes NewGoalSchema, so none is vague.
 */
import type { Scorecard } from '../../shared/scorecard.ts';
import { QA_SECTIONS, type QaSectionKey } from '../model/qa-sections.ts';
import { AREA_KEYS, SELF_RATING_AREAS, type AreaKey } from './areas.ts';
import { COMPLIANCE_TARGET, MIN_FCR_FLOOR, NewGoalSchema, isCompliance, type Goal, type GoalSource } from './goal-schema.ts';
import { GOAL_METRICS, metricMean, metricValue, sectionMetric, type GoalMetricKey } from './metrics.ts';
import { HANDLE_TIME_BEHAVIOURS, SECTION_BEHAVIOURS, sectionsNamedIn, sectionsOfArea } from './behaviours.ts';
import { feedbackLabel, type FeedbackEntry } from './feedback.ts';
import { measureArea } from './measure-areas.ts';

/** Calls in an area before the data can fairly suggest a goal there (the summary rule elsewhere). */
export const MIN_CALLS = 5;
/** A baseline is the mean over this many of the latest calls where the measure applied. */
export const GOAL_WINDOW = 5;
export const MAX_SUGGESTIONS = 3;
/** A section measured at or above this (the QA green band) needs no goal; compliance needs 100. */
export const GOOD_ENOUGH = 90;
export const DEADLINE_CALLS = 5;
/** How many of the latest runs' own notes are read for a goal. */
export const NOTE_WINDOW = 5;

export interface OwnNote {
  readonly text: string;
  readonly at: string;
  readonly runId: string;
}

export interface SuggestInput {
  /** All the trainee's scorecards, oldest first. */
  readonly cards: readonly Scorecard[];
  /** Areas that already have an active goal: no second goal is suggested for them. */
  readonly activeAreas?: readonly AreaKey[];
  /** Feedback entries already turned into a goal (by id): not suggested again. */
  readonly usedFeedback?: readonly string[];
  readonly feedback?: readonly FeedbackEntry[];
  /** The trainee's own "to improve" notes, oldest first. */
  readonly ownNotes?: readonly OwnNote[];
  readonly now: string;
}

export interface SuggestedGoal {
  readonly goal: Goal;
  /** Why this goal, in a sentence that cites the data and where it came from. */
  readonly why: string;
}

export interface NotEnoughCalls {
  readonly area: AreaKey;
  readonly calls: number;
  readonly message: string;
}

export interface Suggestions {
  readonly goals: SuggestedGoal[];
  /** Areas with too few calls for a data goal, each with a clear message. */
  readonly notEnough: NotEnoughCalls[];
}

const round5 = (n: number): number => Math.round(n / 5) * 5;
const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The metric's values on the calls where it applied, oldest first. */
const applied = (metric: GoalMetricKey, cards: readonly Scorecard[]): number[] =>
  cards.flatMap((c) => { const v = metricValue(metric, c); return v === null ? [] : [v]; });

const mean = (xs: readonly number[]): number => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);

/** How many calls measured the area at all. */
export const callsInArea = (area: AreaKey, cards: readonly Scorecard[]): number =>
  cards.filter((c) => measureArea(c, area).score !== null).length;

/** The target one achievable step on from a baseline. */
export function targetFor(metric: GoalMetricKey, baseline: number): number | null {
  const m = GOAL_METRICS[metric];
  if (isCompliance(metric)) return baseline < COMPLIANCE_TARGET ? COMPLIANCE_TARGET : null;
  if (!m.higherIsBetter) {
    if (baseline <= 100) return null;
    return Math.max(100, baseline - clamp(round5((baseline - 100) / 2), 5, 30));
  }
  if (baseline >= m.max) return null;
  return Math.min(m.max, baseline + clamp(round5((GOOD_ENOUGH - baseline) / 2), 5, 20));
}

interface Candidate { metric: GoalMetricKey; section: QaSectionKey | null; baseline: number; calls: number; gap: number }

function candidate(metric: GoalMetricKey, section: QaSectionKey | null, cards: readonly Scorecard[]): Candidate | null {
  const values = applied(metric, cards);
  if (values.length === 0) return null;
  const recent = values.slice(-GOAL_WINDOW);
  const baseline = mean(recent);
  const gap = metric === 'aht-ratio' ? baseline - 100 : (isCompliance(metric) ? COMPLIANCE_TARGET : GOOD_ENOUGH) - baseline;
  return { metric, section, baseline, calls: recent.length, gap };
}

/** The area's weakest measure (a QA section, or handle time for call control), when it has a gap. */
function weakest(area: AreaKey, cards: readonly Scorecard[], minCalls: number): Candidate | null {
  const options = sectionsOfArea(area).map((s) => candidate(sectionMetric(s), s, cards));
  if (area === 'control-time') options.push(candidate('aht-ratio', null, cards));
  const usable = options.filter((c): c is Candidate => c !== null && c.calls >= minCalls && c.gap > 0);
  usable.sort((a, b) => b.gap - a.gap);
  return usable[0] ?? null;
}

function behaviourOf(c: Candidate): string {
  return c.section === null ? HANDLE_TIME_BEHAVIOURS[0] : SECTION_BEHAVIOURS[c.section].behaviours[0];
}

function measureWords(c: Candidate): string {
  if (c.metric === 'aht-ratio') return `Your handle time averaged ${c.baseline}% of each call’s own target`;
  return `${QA_SECTIONS[c.section!].label} averaged ${c.baseline}%`;
}

function build(c: Candidate, area: AreaKey, source: GoalSource, input: SuggestInput, extra: Partial<Goal> = {}): Goal | null {
  const target = targetFor(c.metric, c.baseline);
  if (target === null) return null;
  const fcr = c.metric === 'aht-ratio' ? { fcrFloor: MIN_FCR_FLOOR } : {};
  const parsed = NewGoalSchema.safeParse({
    id: `goal-${input.cards.length}-${area}`,
    area,
    metric: c.metric,
    behaviour: behaviourOf(c),
    baseline: c.baseline,
    target,
    deadline: { kind: 'calls', calls: DEADLINE_CALLS },
    setAt: input.now,
    setAfterRuns: input.cards.length,
    basis: `your last ${plural(c.calls, 'call')} where it applied`,
    source,
    ...fcr,
    ...extra,
  });
  return parsed.success ? parsed.data : null;
}

function fcrNote(c: Candidate, cards: readonly Scorecard[]): string {
  if (c.metric !== 'aht-ratio') return '';
  const fcr = metricMean('fcr-rate', cards.slice(-GOAL_WINDOW));
  return ` FCR must stay at ${MIN_FCR_FLOOR}% or more${fcr === null ? '' : ` (it is ${fcr}% now)`}, so no call is cut short to save time.`;
}

const smallSample = (c: Candidate): string =>
  c.calls < MIN_CALLS ? ` The baseline rests on only ${plural(c.calls, 'call')}, fewer than the ${MIN_CALLS} a fair baseline needs: review it after a few more calls.` : '';

/** A candidate for the section a piece of text names, in an area still free. */
function fromText(text: string, preferred: QaSectionKey | undefined, cards: readonly Scorecard[], free: (a: AreaKey) => boolean): { c: Candidate; area: AreaKey } | null {
  const sections = preferred !== undefined ? [preferred] : sectionsNamedIn(text);
  for (const section of sections) {
    const area = SECTION_BEHAVIOURS[section].area;
    if (!free(area)) continue;
    const c = candidate(sectionMetric(section), section, cards);
    if (c !== null && c.gap > 0) return { c, area };
  }
  return null;
}

export function suggestGoals(input: SuggestInput): Suggestions {
  const taken = new Set<AreaKey>(input.activeAreas ?? []);
  const free = (a: AreaKey): boolean => !taken.has(a);
  const goals: SuggestedGoal[] = [];
  const add = (goal: Goal | null, area: AreaKey, why: string): void => {
    if (goal === null || goals.length >= MAX_SUGGESTIONS || !free(area)) return;
    taken.add(area);
    goals.push({ goal, why });
  };

  // 1. Received feedback, newest first, trainers before peers on the same day.
  const used = new Set(input.usedFeedback ?? []);
  const feedback = [...(input.feedback ?? [])].filter((f) => !used.has(f.id))
    .sort((a, b) => b.date.localeCompare(a.date) || (a.from === 'trainer' ? -1 : 1) - (b.from === 'trainer' ? -1 : 1));
  for (const f of feedback) {
    const hit = fromText(f.text, f.qaSection, input.cards, free);
    if (hit === null) continue;
    const label = feedbackLabel(f);
    const goal = build(hit.c, hit.area, { kind: 'feedback', label, ref: f.id }, input, hit.c.calls < MIN_CALLS ? { early: true } : {});
    add(goal, hit.area, `From ${label}: “${f.text}” ${measureWords(hit.c)} over ${goal?.basis ?? ''}.${smallSample(hit.c)}`);
  }

  // 2. The trainee's own "to improve" notes, newest first.
  for (const note of [...(input.ownNotes ?? [])].slice(-NOTE_WINDOW).reverse()) {
    if (note.text.trim() === '') continue;
    const hit = fromText(note.text, undefined, input.cards, free);
    if (hit === null) continue;
    const label = `Your own note after the call on ${note.at.slice(0, 10)}`;
    const goal = build(hit.c, hit.area, { kind: 'own-note', label, ref: note.runId }, input, hit.c.calls < MIN_CALLS ? { early: true } : {});
    add(goal, hit.area, `${label}: “${note.text.trim()}” ${measureWords(hit.c)} over ${goal?.basis ?? ''}.${smallSample(hit.c)}`);
  }

  // 3. The data: weakest areas first, only where there are enough calls.
  const notEnough: NotEnoughCalls[] = [];
  const fromData: { area: AreaKey; c: Candidate }[] = [];
  for (const area of AREA_KEYS) {
    const calls = callsInArea(area, input.cards);
    if (calls < MIN_CALLS) {
      notEnough.push({ area, calls, message: `${SELF_RATING_AREAS[area].label}: not enough calls yet — ${calls} of the ${MIN_CALLS} calls a fair baseline needs, so no goal is suggested from the data.` });
      continue;
    }
    const c = weakest(area, input.cards, MIN_CALLS);
    if (c !== null) fromData.push({ area, c });
  }
  fromData.sort((a, b) => b.c.gap - a.c.gap || AREA_KEYS.indexOf(a.area) - AREA_KEYS.indexOf(b.area));
  for (const { area, c } of fromData) {
    const goal = build(c, area, { kind: 'data', label: `your scorecards, last ${plural(c.calls, 'call')} where it applied` }, input);
    const bar = isCompliance(c.metric) ? 'a legal requirement is met on every call' : c.metric === 'aht-ratio' ? 'over target' : `below the ${GOOD_ENOUGH}% green band`;
    add(goal, area, `${measureWords(c)} over ${goal?.basis ?? ''}: ${bar}.${fcrNote(c, input.cards)}`);
  }
  return { goals, notEnough: notEnough.filter((n) => free(n.area)) };
}

/**
 * A goal the trainee sets anyway in an area with fewer than MIN_CALLS calls: the area's weakest
 * measure over the calls there are, marked early, with the small-sample caution.
 */
export function draftGoal(area: AreaKey, input: SuggestInput): { ok: true; suggestion: SuggestedGoal } | { ok: false; reason: string } {
  const c = weakest(area, input.cards, 1);
  if (c === null) {
    return { ok: false, reason: callsInArea(area, input.cards) === 0
      ? `No call has measured ${SELF_RATING_AREAS[area].label.toLowerCase()} yet, so there is no baseline to set a goal from. Play a call where it applies first.`
      : `${SELF_RATING_AREAS[area].label} is already at its target on the calls so far, so there is no step to set a goal for.` };
  }
  const goal = build(c, area, { kind: 'trainee', label: `set by you before ${MIN_CALLS} calls in this area` }, input, { early: true });
  if (goal === null) return { ok: false, reason: 'No achievable target could be set from this baseline.' };
  return { ok: true, suggestion: { goal, why: `${measureWords(c)} over ${goal.basis}.${smallSample(c)}${fcrNote(c, input.cards)}` } };
}
